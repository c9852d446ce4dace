package org.gongzhang.service;

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

/** The service's message bundles speak both languages about the same things, and cover every code it raises. */
class MessageBundlesTest {

    private static final Pattern RAISED = Pattern.compile(
            "(?:invalid\\(|forbidden\\(|unauthenticated\\(|Kind\\.[A-Z_]+, |HttpStatus\\.[A-Z_]+, )\"([a-z][a-z.-]+)\"");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        assertThat(keys("i18n/messages_zh_CN.properties")).isEqualTo(keys("i18n/messages_en.properties"))
                .isEqualTo(keys("i18n/messages.properties"));
        assertThat(keys("i18n/pages_zh_CN.properties")).isEqualTo(keys("i18n/pages_en.properties"))
                .isEqualTo(keys("i18n/pages.properties"));
    }

    @Test
    void everyMessageAPageAsksForExists() throws IOException {
        Set<String> known = new TreeSet<>(keys("i18n/pages_zh_CN.properties"));
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9.-]*)").matcher(Files.readString(template));
                while (m.find()) {
                    asked.add(m.group(1));
                }
            }
        }
        assertThat(asked).isNotEmpty();
        assertThat(known).containsAll(asked);
    }

    @Test
    void everyCodeTheServiceRaisesHasAMessage() throws IOException {
        Set<String> known = new TreeSet<>(keys("i18n/messages_zh_CN.properties"));
        known.addAll(keys("i18n/ledger_zh_CN.properties"));
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RAISED.matcher(Files.readString(source));
                while (m.find()) {
                    raised.add(m.group(1));
                }
            }
        }
        assertThat(raised).isNotEmpty();
        assertThat(known).containsAll(raised);
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }
}
