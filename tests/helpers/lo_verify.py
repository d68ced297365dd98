#!/usr/bin/python3
"""Independent check of OOXML package signatures with LibreOffice (its own
xmlsec/NSS implementation), driven headless over UNO.

Usage: lo_verify.py FILE.docx [FILE.docx ...]
Prints one JSON line per file: {"file", "signatures": [{"valid", "certificateStatus", "signer", "partial"}]}.
Exit 0 when every file could be checked (whatever the result), 2 when LibreOffice could not be used.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(600):
        if proc.poll() is not None:
            raise RuntimeError("soffice exited early")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.1)
    raise RuntimeError("soffice did not answer")


def check(ctx, path):
    smgr = ctx.ServiceManager
    factory = smgr.createInstanceWithContext("com.sun.star.embed.StorageFactory", ctx)
    url = uno.systemPathToFileUrl(os.path.abspath(path))
    # The third argument must reach UNO typed as a PropertyValue sequence, not a sequence of any.
    media = uno.Any("[]com.sun.star.beans.PropertyValue", (prop("StorageFormat", "ZipFormat"),))
    storage = uno.invoke(factory, "createInstanceWithArguments", ((url, 1, media),))
    signatures = smgr.createInstanceWithArgumentsAndContext(
        "com.sun.star.security.DocumentDigitalSignatures", ("1.2", False), ctx
    )
    infos = signatures.verifyDocumentContentSignatures(storage, None)
    out = []
    for info in infos:
        signer = info.Signer.SubjectName if info.Signer else None
        out.append({
            "valid": bool(info.SignatureIsValid),
            "certificateStatus": int(info.CertificateStatus),
            "signer": signer,
            "partial": bool(getattr(info, "PartialDocumentSignature", False)),
        })
    storage.dispose()
    return out


def main(files):
    profile = tempfile.mkdtemp(prefix="lo-verify-")
    pipe = f"fwverify{os.getpid()}"
    proc = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
         f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(pipe, proc)
        for f in files:
            print(json.dumps({"file": f, "signatures": check(ctx, f)}), flush=True)
        try:
            ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx).terminate()
        except Exception:
            pass
        return 0
    except Exception as e:  # noqa: BLE001 - report, the test decides
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}), flush=True)
        return 2
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
