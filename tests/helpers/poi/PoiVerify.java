// Apache POI's own check of OOXML package signatures (SignatureInfo), an independent reader for the tests.
// Run by poi.ts in single-file source mode (java -cp <jars> PoiVerify.java FILE...), which also explains the classpath.
// Prints one JSON line per file: {"file":…,"signatures":[{"valid":…,"signer":…}]} or {"file":…,"error":…}.
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.dsig.SignatureConfig;
import org.apache.poi.poifs.crypt.dsig.SignatureInfo;
import org.apache.poi.poifs.crypt.dsig.SignaturePart;

public class PoiVerify {
  private static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  public static void main(String[] args) {
    for (String file : args) {
      try (OPCPackage pkg = OPCPackage.open(new File(file), PackageAccess.READ)) {
        SignatureConfig config = new SignatureConfig();
        config.setOpcPackage(pkg);
        SignatureInfo info = new SignatureInfo();
        info.setSignatureConfig(config);
        List<String> sigs = new ArrayList<>();
        for (SignaturePart part : info.getSignatureParts()) {
          boolean valid = part.validate();
          String signer = part.getSigner() == null ? null : part.getSigner().getSubjectX500Principal().getName();
          sigs.add("{\"valid\":" + valid + ",\"signer\":" + (signer == null ? "null" : json(signer)) + "}");
        }
        System.out.println("{\"file\":" + json(file) + ",\"signatures\":[" + String.join(",", sigs) + "]}");
      } catch (Throwable e) {
        System.out.println("{\"file\":" + json(file) + ",\"error\":" + json(String.valueOf(e)) + "}");
      }
    }
  }
}
