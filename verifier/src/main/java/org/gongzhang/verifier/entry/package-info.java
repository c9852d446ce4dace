/** The signed entry (账簿条目): envelope fields, hashing, key registry and which role may sign which kind. */
package org.gongzhang.verifier.entry;
