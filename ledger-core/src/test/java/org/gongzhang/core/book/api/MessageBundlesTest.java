package org.gongzhang.core.book.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongzhang.verifier.entry.KeyRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal the ledger can give has a message in Chinese and English, with the same arguments. */
class MessageBundlesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    @Test
    void chineseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        assertThat(bundle("ledger_zh_CN").stringPropertyNames()).isEqualTo(bundle("ledger_en").stringPropertyNames());
        assertThat(bundle("ledger").stringPropertyNames()).isEqualTo(bundle("ledger_en").stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ledger", "ledger_en", "ledger_zh_CN"})
    void everyRefusalCodeHasAMessageAndNothingElseDoes(String name) throws IOException {
        Set<String> codes = Arrays.stream(RefusalCode.values()).map(RefusalCode::code).collect(Collectors.toSet());
        assertThat(bundle(name).stringPropertyNames()).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void everyKeyRegistryRefusalIsARefusalCode() {
        for (KeyRegistry.Refusal refusal : KeyRegistry.Refusal.values()) {
            assertThat(RefusalCode.of(refusal).code()).isEqualTo(refusal.code());
        }
    }

    @Test
    void refusalCodesAreUnique() {
        assertThat(Arrays.stream(RefusalCode.values()).map(RefusalCode::code).distinct().count())
                .isEqualTo(RefusalCode.values().length);
    }

    @Test
    void bothLanguagesUseTheSameArguments() throws IOException {
        Properties zh = bundle("ledger_zh_CN");
        Properties en = bundle("ledger_en");
        for (String key : zh.stringPropertyNames()) {
            assertThat(arguments(zh.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
            new MessageFormat(zh.getProperty(key), Locale.SIMPLIFIED_CHINESE).format(new Object[] {"a", "b"});
        }
    }

    @Test
    void javaReadsTheBundlesAsUtf8() {
        ResourceBundle zh = ResourceBundle.getBundle("i18n/ledger", Locale.SIMPLIFIED_CHINESE);
        String message = MessageFormat.format(zh.getString("voucher.unbalanced"), "100.00", "99.99");
        assertThat(message).isEqualTo("借贷不平衡：借方合计 100.00 元，贷方合计 99.99 元。");
    }

    private static Set<String> arguments(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
