package org.gongzhang.service.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.gongzhang.service.support.Browser;
import org.gongzhang.service.support.ServiceIT;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 辖区概览 as the town officer reads it: from the workspace home to a table of every compound of the
 * street, each line the figures the API gives, overdue statements and escalations marked; the page
 * passes axe-core. A preparer has no such link and is refused the page.
 */
class OverviewBrowserIT extends ServiceIT {

    @Test
    void theTownOfficerOpensTheAreaOverviewFromTheWorkspace() {
        JsonNode api = client.as("sun-hao").get("/api/overview").json();
        try (Browser officer = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            officer.logIn("sun-hao").go("/staff");
            officer.find(By.id("area-overview")).click();
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/staff/overview"));
            assertThat(officer.text(By.tagName("h1"))).isEqualTo("辖区概览");
            assertThat(officer.all(By.cssSelector("#overview tbody tr"))).hasSize(api.get("compounds").size());
            for (JsonNode compound : api.get("compounds")) {
                WebElement row = officer.find(By.cssSelector("#overview tr[data-book='" + compound.get("book").asText() + "']"));
                assertThat(row.getText()).contains(compound.get("compound").asText(),
                        compound.get("communityName").asText());
                assertThat(row.findElements(By.tagName("td")).get(5).getText())
                        .isEqualTo(compound.get("pendingRequests").asText());
            }
            assertThat(officer.text(By.cssSelector("ul.totals"))).contains("待审批支出申请 "
                    + api.at("/totals/pendingRequests").asInt() + " 件");
            officer.assertAccessible();
            officer.screenshot("workspace-overview");
        }
        try (Browser phone = Browser.open(port, "en", Browser.PHONE)) {
            phone.logIn("zhao-min").go("/staff/overview");
            assertThat(phone.text(By.tagName("h1"))).isEqualTo("Area overview");
            assertThat(phone.text(By.cssSelector("ul.totals"))).contains("spending requests pending");
            assertThat(phone.text(By.cssSelector("#overview thead"))).contains("Cash and bank (yuan)");
            phone.assertAccessible();
            phone.screenshot("workspace-overview-phone-en");
        }
        try (Browser preparer = Browser.open(port, "zh-CN", Browser.DESKTOP)) {
            preparer.logIn("li-na").go("/staff");
            assertThat(preparer.all(By.id("area-overview"))).isEmpty();
            preparer.go("/staff/overview");
            assertThat(preparer.driver().getPageSource()).contains("你没有执行此操作的角色");
        }
    }
}
