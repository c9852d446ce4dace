package org.gongzhang.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongzhang.reporting.api.BalanceSide;
import org.gongzhang.reporting.api.StatementSheet;
import org.junit.jupiter.api.Test;

/** The report bundles speak both languages about the same things, and hold every label the reports use. */
class ReportBundlesTest {

    private static final Pattern TEMPLATE_LABEL = Pattern.compile("\\$R\\{([a-zA-Z.]+)}");
    private static final Pattern CODE_LABEL = Pattern.compile("label(?:OrDash)?\\(\"([a-zA-Z.]*[a-zA-Z])\"");

    @Test
    void chineseEnglishAndDefaultBundlesHaveTheSameKeys() throws IOException {
        assertThat(bundle("reports_en").stringPropertyNames()).isEqualTo(bundle("reports_zh_CN").stringPropertyNames());
        assertThat(bundle("reports")).isEqualTo(bundle("reports_zh_CN"));
    }

    @Test
    void everyLabelTheTemplatesAndPrintersUseIsInTheBundle() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(matches(Path.of("src/main/jasperreports"), ".jrxml", TEMPLATE_LABEL));
        used.addAll(matches(Path.of("src/main/java/org/gongzhang/reporting/pdf"), ".java", CODE_LABEL));

        for (BalanceSide side : BalanceSide.values()) {
            used.add("side." + side.name());
        }
        for (StatementSheet.Status status : StatementSheet.Status.values()) {
            used.add("statement.status." + status.name());
        }
        for (String status : List.of("RECORDED", "REVIEWED", "POSTED", "VOIDED")) {
            used.add("voucher.status." + status);
        }

        assertThat(used).hasSizeGreaterThan(40);
        assertThat(bundle("reports_zh_CN").stringPropertyNames()).containsAll(used);
    }

    private static Set<String> matches(Path dir, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ReportBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
