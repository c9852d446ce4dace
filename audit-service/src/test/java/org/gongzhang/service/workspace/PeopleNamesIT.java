package org.gongzhang.service.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The names a staff page shows for the actors it lists, read as the page asks for them. */
class PeopleNamesIT extends ServiceIT {

    @Autowired
    People people;

    @Test
    void anActorsNameIsReadWhenAskedAndAnUnknownActorHasNone() {
        Map<String, String> names = people.names();
        assertThat(names).as("nothing read before a page asks").isEmpty();
        assertThat(names.get("agent:li-na")).isEqualTo("李娜");
        assertThat(names.get("agent:wang-qiang")).isEqualTo("王强");
        assertThat(names.get("agent:nobody")).isNull();
        assertThat(names.getOrDefault("agent:nobody", "agent:nobody")).isEqualTo("agent:nobody");
        assertThat(names.containsKey("agent:li-na")).isTrue();
        assertThat(names).containsOnly(Map.entry("agent:li-na", "李娜"), Map.entry("agent:wang-qiang", "王强"));
    }

    @Test
    void theBookPageNamesWhoPreparedReviewedAndPostedEachVoucher() {
        try (Browser browser = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            browser.go("/staff").logIn("li-na");
            browser.go("/staff/books/lanyuan-public");
            String vouchers = browser.text(By.cssSelector("main table tbody"));
            assertThat(vouchers).contains("李娜", "王强").doesNotContain("agent:li-na", "agent:wang-qiang");
        }
    }
}
