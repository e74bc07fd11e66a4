#!/usr/bin/env bash
# Installs the system tools the tests use (the DICOM validators and converters, Chromium for the
# viewer's browser tests, and Orthanc with its DICOMweb plugin as the PACS of the network tests)
# when missing.
# Debian only; elsewhere it says what is missing and the tests that need them report it.
set -euo pipefail
need=()
command -v dciodvfy >/dev/null 2>&1 || need+=(dicom3tools)
command -v dcmdump >/dev/null 2>&1 || need+=(dcmtk)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v Orthanc >/dev/null 2>&1 || need+=(orthanc)
[ -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so ] || need+=(orthanc-dicomweb)
command -v ip >/dev/null 2>&1 || need+=(iproute2)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "installing ${need[*]} (Debian packages) for the tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "missing ${need[*]}: install them (Debian: apt-get install ${need[*]})" >&2
  exit 1
fi
