/** C2SP signed notes and tlog checkpoints (检查点): the log key's signed statement of a book's size and Merkle root. */
package org.gongzhang.verifier.checkpoint;
