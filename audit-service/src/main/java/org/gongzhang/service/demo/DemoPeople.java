package org.gongzhang.service.demo;

import java.time.LocalDate;
import java.util.List;
import org.gongzhang.service.custody.CustodialKey;
import org.gongzhang.service.custody.CustodialKeys;
import org.gongzhang.service.custody.CustodialSigner;
import org.gongzhang.service.disclosure.Objections;
import org.gongzhang.service.security.AccessRole;
import org.gongzhang.service.security.Caller;
import org.gongzhang.service.security.Grant;
import org.gongzhang.service.security.Scope;
import org.gongzhang.service.security.Users;
import org.gongzhang.verifier.entry.Role;

/**
 * The demo's logins: the agent firm that keeps both books (业财代理), the community auditor, the
 * street's tender officer, each compound's owners' committee, property company and one owner, and
 * an administrator. Everyone who signs in a book gets their key registered there by the auditor;
 * owners sign under a pseudonym and are registered as 业主.
 */
final class DemoPeople {

    static final String FIRM = "hengxin";

    private record Person(String username, String name, String actor, AccessRole role, Scope scope) {
    }

    private static final List<Person> STAFF = List.of(
            new Person("li-na", "李娜", "agent:li-na", AccessRole.AGENT_PREPARER, Scope.firm(FIRM)),
            new Person("chen-jie", "陈洁", "agent:chen-jie", AccessRole.AGENT_PREPARER, Scope.firm(FIRM)),
            new Person("wang-qiang", "王强", "agent:wang-qiang", AccessRole.AGENT_REVIEWER, Scope.firm(FIRM)),
            new Person("zhao-min", "赵敏", "community:zhao-min", AccessRole.COMMUNITY_AUDITOR,
                    Scope.community(DemoCast.COMMUNITY_ID)),
            new Person("sun-hao", "孙浩", "town:sun-hao", AccessRole.TOWN_OFFICER, Scope.street(DemoCast.STREET_ID)),
            new Person("admin", "系统管理员", "admin:system", AccessRole.ADMINISTRATOR, Scope.ALL));

    private final Users users;
    private final CustodialKeys keys;
    private final CustodialSigner signer;
    /** The demo password's hash, shared by every demo login (one slow hash instead of one each). */
    private final String passwordHash;

    DemoPeople(Users users, CustodialKeys keys, CustodialSigner signer, String password) {
        this.users = users;
        this.keys = keys;
        this.signer = signer;
        this.passwordHash = users.hash(password);
    }

    /** The people who serve every compound (agent firm, community, street, administrator). */
    void writeStaff() {
        STAFF.forEach(this::create);
    }

    /**
     * One compound's committee and owner logins, and the registration of their keys (and the town
     * officer's and the service clerk's) in its book; safe to run for two compounds at once.
     */
    void writeCompound(DemoCompound compound, CustodialKey auditor) {
        users.serve(FIRM, compound.id());
        Scope here = Scope.compound(compound.id());
        String id = compound.id();
        List<Person> local = List.of(
                new Person(id + "-chair", chairName(id), "committee:" + id + "-chair", AccessRole.COMMITTEE_CHAIR, here),
                new Person(id + "-member", memberName(id), "committee:" + id + "-member", AccessRole.COMMITTEE_MEMBER, here),
                new Person(id + "-owner", "业主（演示）", "owner:" + id + "-0001", AccessRole.OWNER, here));
        local.forEach(this::create);
        LocalDate today = signer.today();
        for (Person p : local) {
            register(compound.book(), auditor, p, today);
        }
        register(compound.book(), auditor, STAFF.get(4), today);
        CustodialKey clerk = keys.forActor(Objections.CLERK, Role.SERVICE);
        signer.submit(auditor, compound.book(), "key.registered", today, clerk.registration("公账服务"));
    }

    private Caller create(Person p) {
        return users.createHashed(p.username(), p.name(), p.actor(), passwordHash,
                List.of(new Grant(p.role(), p.scope())));
    }

    private void register(String book, CustodialKey auditor, Person p, LocalDate today) {
        Role role = p.role().ledgerRole().orElseThrow();
        CustodialKey key = keys.forActor(p.actor(), role);
        signer.submit(auditor, book, "key.registered", today, key.registration(role == Role.OWNER ? "业主" : p.name()));
    }

    private static String chairName(String compound) {
        return "lanyuan".equals(compound) ? "周军" : "郑磊";
    }

    private static String memberName(String compound) {
        return "lanyuan".equals(compound) ? "吴芳" : "何静";
    }
}
