package org.gongzhang.service.log;

/**
 * The log key signed a new checkpoint (检查点) of a book, published once the signing transaction
 * commits; the book's witnesses are asked to cosign it.
 *
 * @param book the book's id
 * @param size the checkpoint's tree size
 */
public record CheckpointSigned(String book, long size) {
}
