/** The few parts of @ohif/core (shipped without type definitions) the extension test uses. */
declare module '@ohif/core' {
  export class CommandsManager {
    runCommand(name: string, options?: Record<string, unknown>, context?: string): unknown;
    run(toRun: unknown, options?: Record<string, unknown>): unknown;
    getCommand(name: string, context?: string): { commandFn: (o: Record<string, unknown>) => unknown } | undefined;
  }
  export class ServicesManager {
    constructor(commandsManager: CommandsManager);
    services: Record<string, unknown>;
    setExtensionManager(em: ExtensionManager): void;
    registerService(registration: unknown, configuration?: unknown): void;
  }
  export class ServiceProvidersManager {}
  export class ExtensionManager {
    constructor(args: { commandsManager: CommandsManager; servicesManager: ServicesManager; serviceProvidersManager: ServiceProvidersManager; appConfig: object });
    registeredExtensionIds: string[];
    registerExtension(extension: object, configuration?: object, dataSources?: readonly object[]): Promise<void>;
    getModuleEntry(id: string): unknown;
    getActiveDataSource(): unknown[] | undefined;
    setActiveDataSource(sourceName: string): void;
    readonly activeDataSourceName: string;
    getModulesByType(type: string): { extensionId: string; module: unknown }[];
  }
  export const HangingProtocolService: { REGISTRATION: unknown };
  export const ToolbarService: { REGISTRATION: unknown };
  export const UserAuthenticationService: { REGISTRATION: unknown };
  const OHIF: {
    CommandsManager: typeof CommandsManager;
    ServicesManager: typeof ServicesManager;
    ServiceProvidersManager: typeof ServiceProvidersManager;
    ExtensionManager: typeof ExtensionManager;
    HangingProtocolService: typeof HangingProtocolService;
    ToolbarService: typeof ToolbarService;
    UserAuthenticationService: typeof UserAuthenticationService;
  };
  export default OHIF;
}
