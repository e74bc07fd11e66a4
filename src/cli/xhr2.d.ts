/** xhr2: XMLHttpRequest for Node (the command line's host for the PACS client). */
declare module 'xhr2' {
  const XMLHttpRequest: new () => unknown;
  export default XMLHttpRequest;
}
