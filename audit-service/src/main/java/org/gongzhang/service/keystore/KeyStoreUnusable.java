package org.gongzhang.service.keystore;

/**
 * The key store cannot give the service a key it needs: a wrong passphrase, a missing or damaged
 * key file. The service stops rather than sign with anything else.
 */
public class KeyStoreUnusable extends RuntimeException {

    public KeyStoreUnusable(String message) {
        super(message);
    }

    public KeyStoreUnusable(String message, Throwable cause) {
        super(message, cause);
    }
}
