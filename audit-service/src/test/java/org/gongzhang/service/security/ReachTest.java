package org.gongzhang.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongzhang.service.book.BookDirectory;
import org.gongzhang.service.book.BookSummary;
import org.gongzhang.service.book.BookSummary.Party;
import org.junit.jupiter.api.Test;

/** Where a person's grants reach, checked in memory once their firms' compounds are known. */
class ReachTest {

    private static final BookSummary LANYUAN = book("lanyuan", "xinhe", "beishan");
    private static final BookSummary GUIYUAN = book("guiyuan", "dongfang", "beishan");
    private static final BookSummary HEYUAN = book("heyuan", "nanhu", "nanshan");

    private final Reach reach = new Reach(List.of(
            new Grant(AccessRole.COMMUNITY_AUDITOR, Scope.community("xinhe")),
            new Grant(AccessRole.AGENT_REVIEWER, Scope.firm("hengxin")),
            new Grant(AccessRole.TOWN_OFFICER, Scope.street("beishan")),
            new Grant(AccessRole.COMMITTEE_CHAIR, Scope.compound("heyuan"))),
            Map.of("hengxin", Set.of("lanyuan", "heyuan")));

    @Test
    void eachKindOfScopeCoversItsBooks() {
        assertThat(reach.covers(Scope.ALL, HEYUAN)).isTrue();
        assertThat(reach.covers(Scope.street("beishan"), GUIYUAN)).isTrue();
        assertThat(reach.covers(Scope.street("beishan"), HEYUAN)).isFalse();
        assertThat(reach.covers(Scope.community("xinhe"), LANYUAN)).isTrue();
        assertThat(reach.covers(Scope.community("xinhe"), GUIYUAN)).isFalse();
        assertThat(reach.covers(Scope.compound("heyuan"), HEYUAN)).isTrue();
        assertThat(reach.covers(Scope.firm("hengxin"), HEYUAN)).isTrue();
        assertThat(reach.covers(Scope.firm("hengxin"), GUIYUAN)).isFalse();
        assertThat(reach.covers(Scope.firm("another"), LANYUAN)).as("a firm whose compounds were not read").isFalse();
    }

    @Test
    void theRolesInABookAreThoseOfTheGrantsCoveringItInTheirOrder() {
        assertThat(reach.roles(LANYUAN)).containsExactly(AccessRole.COMMUNITY_AUDITOR, AccessRole.AGENT_REVIEWER,
                AccessRole.TOWN_OFFICER);
        assertThat(reach.roles(GUIYUAN)).containsExactly(AccessRole.TOWN_OFFICER);
        assertThat(reach.roles(HEYUAN)).containsExactly(AccessRole.AGENT_REVIEWER, AccessRole.COMMITTEE_CHAIR);
        assertThat(reach.holdsIn(HEYUAN, List.of(AccessRole.TOWN_OFFICER, AccessRole.COMMITTEE_CHAIR))).isTrue();
        assertThat(reach.holdsIn(HEYUAN, List.of(AccessRole.TOWN_OFFICER))).isFalse();
    }

    @Test
    void theAreaOfSomeRolesHoldsOnlyTheirScopesAndAFirmsScopeBecomesItsCompounds() {
        BookDirectory.Area any = reach.area();
        assertThat(any.everything()).isFalse();
        assertThat(any.streets()).containsExactly("beishan");
        assertThat(any.communities()).containsExactly("xinhe");
        assertThat(any.compounds()).containsExactlyInAnyOrder("lanyuan", "heyuan");

        BookDirectory.Area supervising = reach.area(AccessRole.COMMUNITY_AUDITOR, AccessRole.COMMUNITY_AUDITOR);
        assertThat(supervising.streets()).isEmpty();
        assertThat(supervising.communities()).containsExactly("xinhe");
        assertThat(supervising.compounds()).isEmpty();

        assertThat(reach.area(AccessRole.ADMINISTRATOR).communities()).isEmpty();
        assertThat(new Reach(List.of(new Grant(AccessRole.ADMINISTRATOR, Scope.ALL)), Map.of())
                .area(AccessRole.ADMINISTRATOR).everything()).isTrue();
    }

    private static BookSummary book(String compound, String community, String street) {
        return new BookSummary(compound + "-public", compound, "PUBLIC_INCOME", new Party(compound, compound),
                new Party(community, community), new Party(street, street), "2026-01", Instant.EPOCH, 1);
    }
}
