package org.gongzhang.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every problem the reporting module's file check can find in an upload has a message in both languages. */
class ExchangeMessagesTest {

    private static final Path CHECKS = Path.of("../reporting/src/main/java/org/gongzhang/reporting/exchange");
    private static final Pattern CODE = Pattern.compile("\"(import\\.[a-z][a-z.-]+)\"");

    @Test
    void everyFileProblemHasAChineseAndAnEnglishMessage() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(CHECKS)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE.matcher(Files.readString(source));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }

        assertThat(codes).hasSizeGreaterThan(30);
        assertThat(keys("i18n/messages_zh_CN.properties")).containsAll(codes);
        assertThat(keys("i18n/messages_en.properties")).containsAll(codes);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ExchangeMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
