package vn.portal.bridge.domain.model.encoding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Real Vietnamese names and the full alphabet, shared by the encoding tests. */
final class VietnameseCorpus {

    static final List<String> NAMES = List.of(
            "Nguyễn Thị Ngọc Ánh", "Đặng Văn Hùng", "Trương Quỳnh Hương", "Lê Thị Hồng Nhung", "Phạm Đức Thắng",
            "Trần Quốc Tuấn", "Hoàng Thị Thu Hà", "Huỳnh Tấn Phát", "Phan Thanh Giản", "Vũ Trọng Phụng",
            "Võ Thị Sáu", "Bùi Xuân Phái", "Đỗ Mười", "Hồ Xuân Hương", "Ngô Bảo Châu", "Dương Thu Hương",
            "Lý Thường Kiệt", "Đinh Bộ Lĩnh", "Đoàn Thị Điểm", "Trịnh Công Sơn", "Lâm Thị Mỹ Dạ",
            "Mai Văn Phấn", "Cao Bá Quát", "Tạ Quang Bửu", "Lương Thế Vinh", "Tô Hoài", "Hà Thị Cầu",
            "Quách Tuấn Khanh", "Châu Văn Liêm", "Thái Thị Thúy Kiều", "Từ Huy Hoàng", "Kiều Chinh",
            "Lưu Quang Vũ", "Triệu Thị Trinh", "Vương Đình Huệ", "Đào Duy Từ", "Chu Văn An", "Nguyễn Khuyến",
            "Ưng Hoàng Phúc", "Ông Ích Khiêm", "Âu Cơ", "Ỷ Lan", "Nguyễn Thị Ưởng", "Lê Văn Ổn",
            "Phạm Thị Yến", "Nguyễn Ngọc Ý", "Trần Thị Ấu", "Lê Ẩn", "Nguyễn Thị Ẩm", "Đặng Thùy Trâm",
            "Nguyễn Thị Minh Khai", "Trần Văn Ơn", "Bạch Thái Bưởi", "Nguyễn Hữu Cảnh", "Lê Thị Riêng",
            "Phùng Khắc Khoan", "Nghiêm Xuân Yêm", "Khúc Thừa Dụ", "Lại Văn Sâm", "Giang Văn Minh",
            "Doãn Uẩn", "Nguyễn Thị Thoa", "Hoàng Quốc Việt", "Đoàn Khuê", "Nguyễn Thị Duệ", "Phó Đức Chính",
            "Trần Thị Ngọc Hoà", "Lê Thị Thuỷ", "Nguyễn Quyết Thắng", "Nguyễn Thị Huyền Trang",
            "Lê Quý Đôn", "Trần Nhân Tông", "Nguyễn Trãi", "Tôn Đức Thắng", "Nguyễn Thị Định",
            "NGUYỄN THỊ NGỌC ÁNH", "ĐẶNG VĂN HÙNG", "TRƯƠNG QUỲNH HƯƠNG");

    private static final String[] BASES = {"a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"};
    /** No tone, huyền, sắc, hỏi, ngã, nặng. */
    private static final String[] TONES = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};

    private VietnameseCorpus() {
    }

    /** Every vowel letter with every tone, lower-case, in NFC: 72 letters. */
    static List<String> lowerCaseVowels() {
        List<String> letters = new ArrayList<>();
        for (String base : BASES) {
            for (String tone : TONES) {
                letters.add(Normalizer.normalize(base + tone, Normalizer.Form.NFC));
            }
        }
        return letters;
    }

    /** The 134 letters of Vietnamese beyond ASCII (67 lower-case, 67 capitals), plus the ASCII vowels. */
    static List<String> allLetters() {
        List<String> letters = new ArrayList<>();
        for (String lower : lowerCaseVowels()) {
            letters.add(lower);
            letters.add(lower.toUpperCase(Locale.ROOT));
        }
        letters.add("đ");
        letters.add("Đ");
        return letters;
    }

    static boolean hasToneMark(String letter) {
        String decomposed = Normalizer.normalize(letter, Normalizer.Form.NFD);
        return decomposed.chars().anyMatch(c -> "\u0300\u0301\u0303\u0309\u0323".indexOf(c) >= 0);
    }

    /**
     * What TCVN3 gives back for a text: a letter with a tone mark has one code for both cases, read as a
     * capital in a word with at least two other letters, all capitals, and as lower-case anywhere else.
     */
    static String expectedFromTcvn3(String text) {
        StringBuilder out = new StringBuilder();
        for (String word : text.split("(?<=\\P{L})|(?=\\P{L})")) {
            int otherCapitals = 0;
            boolean otherLower = false;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (hasToneMark(String.valueOf(c))) {
                    continue;
                }
                otherCapitals += Character.isUpperCase(c) ? 1 : 0;
                otherLower |= Character.isLowerCase(c);
            }
            boolean capitals = otherCapitals >= 2 && !otherLower;
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (hasToneMark(String.valueOf(c))) {
                    out.append(capitals ? Character.toUpperCase(c) : Character.toLowerCase(c));
                } else {
                    out.append(c);
                }
            }
        }
        return out.toString();
    }
}
