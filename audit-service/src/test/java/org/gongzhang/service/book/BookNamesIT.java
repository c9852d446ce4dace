package org.gongzhang.service.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Grant;
import org.gongzhang.service.security.Scope;
import org.gongzhang.service.security.Users;
import org.gongzhang.service.support.ClientKeys;
import org.gongzhang.service.support.ServiceIT;
import org.gongzhang.service.support.TestBook;
import org.gongzhang.verifier.entry.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who a book's people are by name: the names its registrations carry, else a staff login's, never an owner's. */
class BookNamesIT extends ServiceIT {

    @Autowired
    PeopleNames people;
    @Autowired
    Users users;

    @Test
    void aKeyRegisteredWithoutANameTakesItsStaffLoginsNameButNeverAnOwnersAndAnUnknownActorStaysItsId() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TestBook book = TestBook.open(client);
        ClientKeys staff = ClientKeys.generate("agent:nameless-" + run, Role.AGENT_PREPARER);
        ClientKeys owner = ClientKeys.generate("owner:nameless-" + run, Role.OWNER);
        book.accept(book.entry(book.auditor, "key.registered", withoutName(staff)));
        book.accept(book.entry(book.auditor, "key.registered", withoutName(owner)));
        users.create("staff-" + run, "无名制单员", staff.actor(), "names-password-1",
                List.of(new Grant(AccessRole.AGENT_PREPARER, Scope.compound("c-" + book.id))));
        users.create("owner-" + run, "业主本名", owner.actor(), "names-password-1",
                List.of(new Grant(AccessRole.OWNER, Scope.compound("c-" + book.id))));
        users.create("elsewhere-" + run, "别处的人", "agent:elsewhere-" + run, "names-password-1", List.of());

        PeopleNames.Names names = people.of(book.id);
        assertThat(names.of(staff.actor())).isEqualTo("无名制单员");
        assertThat(names.of(owner.actor())).as("an owner's own name is never shown").isEqualTo(owner.actor());
        assertThat(names.of(book.preparer.actor())).as("the name its registration carries").isEqualTo(book.preparer.actor());
        assertThat(names.byActor()).as("a login that holds no key in the book is not read")
                .doesNotContainKey("agent:elsewhere-" + run);
        assertThat(names.of("agent:nobody-" + run)).isEqualTo("agent:nobody-" + run);
    }

    private static ObjectNode withoutName(ClientKeys keys) {
        ObjectNode registration = keys.registration();
        registration.remove("name");
        return registration;
    }
}
