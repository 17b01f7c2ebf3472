package vn.portal.migration.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.springframework.security.crypto.bcrypt.BCrypt;

import vn.portal.bridge.application.imports.ImportKind;
import vn.portal.bridge.domain.model.encoding.LegacyEncoding;
import vn.portal.bridge.domain.model.encoding.LegacyText;

/**
 * Source of the demo legacy files under {@code migration-tool/src/main/resources/demo/}: the sandbox's twelve demo
 * citizens (vneid-sandbox's sandbox-citizens.csv) as the population register knows them, plus a namesake and a
 * near-twin, and their accounts at three agencies with the variations real exports have (no diacritics, old 9-digit
 * ID cards, pre-2018 11-digit mobiles, day-first dates, a typo'd personal ID, a foreigner, a test account).
 * The TCVN3 and VNI files are produced by the encoding package's own encoder. Every demo password is
 * {@value #PASSWORD}. Regenerate with {@code java ... DemoData migration-tool/src/main/resources/demo};
 * {@code DemoDataTest} fails if the committed files drift from this class.
 */
final class DemoData {

    static final String PASSWORD = "matkhau123";

    private DemoData() {
    }

    private static Map<String, byte[]> files;

    /** File name -> bytes exactly as committed (computed once: the PBKDF2 and bcrypt hashes are deliberately slow). */
    static synchronized Map<String, byte[]> files() {
        if (files == null) {
            files = generate();
        }
        return files;
    }

    private static Map<String, byte[]> generate() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("population.csv", encode(LegacyEncoding.UTF_8, ImportKind.POPULATION.headerLine(),
                "001085012345,012345678,Nguyễn Văn An,1985-03-12,male,0912345678",
                "079301001234,,Trần Thị Bích Ngọc,2001-11-05,female,0987654321",
                "001190000021,013456789,Lê Thị Hoa,1990-07-21,female,0901234567",
                "031095004567,031234567,Phạm Minh Đức,1995-09-02,male,0934567890",
                "048198007788,,Võ Thị Thu Hà,1998-04-17,female,0935112233",
                "046072003311,191234567,Hoàng Văn Hùng,1972-06-15,male,0914003311",
                "092204001122,,Đặng Quốc Bảo,2004-01-30,male,0977001122",
                "038188005566,172345678,Bùi Thị Lan,1988-12-03,female,0389556677",
                "040080009876,186543210,Ngô Quang Vinh,1980-08-19,male,0868123456",
                "066305002468,,Lý Thị Mỹ Duyên,2005-08-22,female,0523002468",
                "075093001357,271234567,Trương Công Thành,1993-10-10,male,0703135791",
                "026167000135,131234567,Đinh Thị Xuân,1967-02-14,female,0396246810",
                // A namesake born the same year (day and month swapped against the first An): must not be linked to him.
                "001085098765,,Nguyễn Văn An,1985-11-03,male,",
                // A near-twin of Bùi Thị Lan: same birth date and family, one letter apart.
                "038188005571,,Bùi Thị Lành,1988-12-03,female,0389556688"));
        String header = ImportKind.ACCOUNTS.headerLine();
        files.put("accounts-BHXH.csv", encode(LegacyEncoding.UTF_8, header,
                "BHXH,BH-100001,annv85,Nguyen Van An,12/03/1985,Nam,001085012345,0912 345 678,an.nguyen85@gmail.com,"
                        + bcrypt("Vn6vBwB1l4kQpJm0s8nD2u") + ",2015-06-01 08:00:00,2024-05-15T19:42:10+07:00,ACTIVE",
                "BHXH,BH-100002,ngoc.ttb,Trần Thị Bích Ngọc,05/11/2001,Nữ,,+84 987 654 321,ngoc.tran01@yahoo.com,"
                        + md5() + ",2019-09-09 10:00:00,2024-04-02 21:05:44,ACTIVE",
                "BHXH,BH-100003,lethihoa,LE THI HOA,21/7/1990,F,013456789,0901.234.567,," + sha1("q7Lw")
                        + ",12/01/2012 07:30:00,20/06/2023 08:01:12,ACTIVE",
                "BHXH,BH-100004,hungvh72,Hoàng Văn Hùng,15/06/1972,Nam,191234567,0914003311,hung.hv72@gmail.com,"
                        + pbkdf2("bhxh-demo-salt-4") + ",2010-03-15T09:00:00+07:00,,LOCKED",
                "BHXH,BH-100005,lanbt,Bùi Thị Lan,03/12/1988,Nữ,,01689556677,lan.bui88@gmail.com," + md5()
                        + ",2014-11-20 14:22:00,2024-06-01 07:45:00,ACTIVE",
                "BHXH,BH-100006,jsmith,John Smith,1979-02-28,male,PA0912345,,john.smith@example.com," + sha1("Zk2p")
                        + ",2018-02-01 10:00:00,2023-12-24 16:00:00,ACTIVE",
                "BHXH,BH-100007,test01,Tài khoản thử nghiệm,,,,,,,2016-01-01 00:00:00,,CLOSED",
                "BHXH,BH-100008,an.nguyen.hp,Nguyễn Văn An,03/11/1985,Nam,,,an.nguyen.hp@gmail.com," + md5()
                        + ",2017-05-05 11:11:11,2024-03-03 09:09:09,ACTIVE"));
        files.put("accounts-BTP.csv", encode(LegacyEncoding.TCVN3, header,
                "BTP,TP-2019-0001,vinhnq,Ngô Quang Vinh,19/08/1980,Nam,186543210,0868123456,vinh.nq80@gmail.com," + md5()
                        + ",02/01/2019 08:30:00,11/05/2024 10:12:00,ACTIVE",
                "BTP,TP-2019-0002,ducpm,Phạm Minh Đức,02/09/1995,Nam,031095004567,0934567890,,"
                        + pbkdf2("btp-demo-salt-002") + ",15/03/2019 13:00:00,30/04/2024 20:00:00,ACTIVE",
                "BTP,TP-2019-0003,xuandt,Đinh Thị Xuân,14/02/1967,Nữ,131234567,01696246810,," + sha1("m3Xd")
                        + ",20/07/2019 09:45:00,01/02/2024 08:00:00,ACTIVE",
                "BTP,TP-2019-0004,thanhtc,Trương Công Thành,10/10/1993,Nam,075093001357,01203135791,thanh.tc93@gmail.com,"
                        + md5() + ",05/08/2019 16:20:00,,ACTIVE",
                "BTP,TP-2019-0005,an.nv,Nguyễn Văn An,1985-03-12,Nam,001085012345,,an.nguyen85@gmail.com,"
                        + bcrypt("Tq3mWn8xLp2sYc7vBd4hJe") + ",09/09/2019 09:09:00,14/05/2024 22:10:00,ACTIVE",
                "BTP,TP-2019-0006,havtt,Võ Thị Thu Hà,17/04/1998,Nữ,,0935 112 233,ha.vo98@gmail.com," + md5()
                        + ",01/10/2019 10:00:00,28/02/2024 15:30:00,ACTIVE"));
        files.put("accounts-STP-HN.csv", encode(LegacyEncoding.VNI, header,
                "STP-HN,HN-KS-0001,baodq,Đặng Quốc Bảo,30/01/2004,Nam,092204001122,0977001122,bao.dq04@gmail.com," + md5()
                        + ",2022-08-01 08:00:00,2024-05-30 19:00:00,ACTIVE",
                "STP-HN,HN-KS-0002,duyenltm,Lý Thị Mỹ Duyên,22/8/2005,Nữ,,0523002468,," + sha1("p9Qa")
                        + ",2023-09-12 10:30:00,2024-06-10 21:15:00,ACTIVE",
                "STP-HN,HN-KS-0003,hoale,Lê Thị Hoa,1990-07-21,Nữ,001190000021,,hoa.le90@gmail.com,"
                        + pbkdf2("stp-demo-salt-003") + ",2021-01-04 09:00:00,2024-01-15 08:30:00,ACTIVE",
                "STP-HN,HN-KS-0004,ngoctran,Tran Thi Bich Ngoc,05/11/2001,Nữ,079301001234,,," + md5()
                        + ",2022-02-02 14:00:00,2023-11-11 11:00:00,ACTIVE",
                "STP-HN,HN-KS-0005,lanh.bui,Bùi Thị Lành,03/12/1988,Nữ,,0389556688,," + md5()
                        + ",2020-06-06 06:06:00,2024-02-20 20:20:00,ACTIVE",
                // A typo'd personal ID (last digit): it names nobody, the name and birth date name Hoàng Văn Hùng.
                "STP-HN,HN-KS-0006,hung.hv,Hoàng Văn Hùng,15/06/1972,Nam,046072003312,0914 003 311,," + sha1("r5Tb")
                        + ",2020-10-10 10:10:00,2024-04-04 04:04:00,ACTIVE"));
        return files;
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "migration-tool/src/main/resources/demo");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> file : files().entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
    }

    private static byte[] encode(LegacyEncoding encoding, String... lines) {
        return LegacyText.encode(String.join("\r\n", lines) + "\r\n", encoding);
    }

    private static String md5() {
        return "{md5}" + hex("MD5", PASSWORD);
    }

    private static String sha1(String salt) {
        return "{sha1}" + salt + "$" + hex("SHA-1", salt + PASSWORD);
    }

    private static String bcrypt(String salt22) {
        return "{bcrypt}" + BCrypt.hashpw(PASSWORD, "$2a$10$" + salt22);
    }

    private static String pbkdf2(String salt) {
        int iterations = 100_000;
        byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), saltBytes, iterations, 256)).getEncoded();
            return "{pbkdf2-sha256}" + iterations + "$" + Base64.getEncoder().encodeToString(saltBytes) + "$"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
