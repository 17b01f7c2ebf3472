package vn.portal.sandbox;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.sun.net.httpserver.HttpServer;
import vn.portal.sandbox.citizen.CitizenDirectory;
import vn.portal.sandbox.keys.PrivateFiles;
import vn.portal.sandbox.keys.SigningKeys;
import vn.portal.sandbox.oidc.ClientRegistration;
import vn.portal.sandbox.oidc.OpenIdProvider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A running sandbox provider. Several can run in one JVM on different ports; each owns its threads, keys and
 * state. Stop it with {@link #stop()} (or try-with-resources).
 */
public final class SandboxServer implements AutoCloseable {

    /** File name of the generated client secret inside the data directory. */
    public static final String CLIENT_SECRET_FILE = "client-secret";

    private static final Logger LOG = Logger.getLogger(SandboxServer.class.getName());
    private static final long PURGE_INTERVAL_SECONDS = 30;

    static {
        // The JDK server otherwise leaves Nagle's algorithm on, which adds delayed-ACK stalls to small
        // keep-alive responses; read once when the JDK's server configuration class loads.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService requestPool;
    private final ExecutorService backgroundPool;
    private final ScheduledExecutorService scheduler;
    private final OpenIdProvider provider;
    private final SigningKeys keys;
    private final URI issuer;
    private final String clientId;
    private final String clientSecret;
    private final Path clientSecretFile;
    private final CitizenDirectory citizens;

    private SandboxServer(HttpServer server, ExecutorService requestPool, ExecutorService backgroundPool,
                          ScheduledExecutorService scheduler, OpenIdProvider provider, SigningKeys keys, URI issuer,
                          String clientId, String clientSecret, Path clientSecretFile, CitizenDirectory citizens) {
        this.server = server;
        this.requestPool = requestPool;
        this.backgroundPool = backgroundPool;
        this.scheduler = scheduler;
        this.provider = provider;
        this.keys = keys;
        this.issuer = issuer;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clientSecretFile = clientSecretFile;
        this.citizens = citizens;
    }

    /**
     * Loads citizens and keys (generating keys and the client secret at first run), binds the port and starts
     * serving.
     *
     * @throws IOException                                      when the port cannot be bound or the data directory written
     * @throws SandboxConfigException                           when a configured file is unusable
     * @throws vn.portal.sandbox.citizen.CitizenFileException   when the citizens CSV is invalid
     * @throws vn.portal.sandbox.keys.KeyStoreException         when stored keys are unusable
     */
    public static SandboxServer start(SandboxConfig config) throws IOException {
        PrivateFiles.createDirectory(config.dataDir());
        String tag = "vneid-sandbox-" + config.port();
        ExecutorService requestPool = Executors.newFixedThreadPool(config.threads(), daemonThreads(tag + "-http"));
        ExecutorService backgroundPool = Executors.newCachedThreadPool(daemonThreads(tag + "-bg"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads(tag + "-purge"));
        CitizenDirectory citizens;
        SigningKeys keys;
        String secret;
        JWKSource<SecurityContext> clientKeys;
        Path secretFile = config.clientSecret() == null ? config.dataDir().resolve(CLIENT_SECRET_FILE) : null;
        try {
            // Keys (parsing or generating RSA) and citizens (CSV) are independent; loading them side by side keeps
            // the start under a second on two cores.
            CompletableFuture<SigningKeys> keysLoading = CompletableFuture.supplyAsync(
                    () -> SigningKeys.loadOrGenerate(config.dataDir(), config.clock()), backgroundPool);
            citizens = config.citizensFile() == null
                    ? CitizenDirectory.bundled() : CitizenDirectory.fromFile(config.citizensFile());
            secret = config.clientSecret() != null ? config.clientSecret() : loadOrGenerateSecret(secretFile);
            clientKeys = clientKeys(config);
            keys = joinUnwrapped(keysLoading);
        } catch (IOException | RuntimeException e) {
            requestPool.shutdownNow();
            backgroundPool.shutdownNow();
            scheduler.shutdownNow();
            throw e;
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 1024);
        } catch (IOException e) {
            requestPool.shutdownNow();
            backgroundPool.shutdownNow();
            scheduler.shutdownNow();
            throw new IOException("Cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        int port = server.getAddress().getPort();
        URI issuer = config.effectiveIssuer(port);
        ClientRegistration client = new ClientRegistration(config.clientId(), secret, config.redirectUris(),
                config.postLogoutRedirectUris(), config.backchannelLogoutUri(), clientKeys);
        OpenIdProvider provider = new OpenIdProvider(config, issuer, client, citizens, keys, backgroundPool);
        provider.register(server);
        server.setExecutor(requestPool);
        server.start();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                provider.purgeExpired();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Purging expired sandbox state failed", e);
            }
        }, PURGE_INTERVAL_SECONDS, PURGE_INTERVAL_SECONDS, TimeUnit.SECONDS);
        LOG.info(() -> "VNeID sandbox listening on " + server.getAddress() + " as issuer " + issuer + " with "
                + citizens.size() + " demo citizens; " + config);
        return new SandboxServer(server, requestPool, backgroundPool, scheduler, provider, keys, issuer,
                config.clientId(), secret, secretFile, citizens);
    }

    /** The bound port (useful after configuring port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public URI issuer() {
        return issuer;
    }

    public URI discoveryUri() {
        return URI.create(issuer + "/.well-known/openid-configuration");
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Where the generated secret is kept; empty when the secret came from configuration. */
    public Optional<Path> clientSecretFile() {
        return Optional.ofNullable(clientSecretFile);
    }

    public CitizenDirectory citizens() {
        return citizens;
    }

    /** The published public keys. */
    public JWKSet publicKeys() {
        return keys.publicJwkSet();
    }

    /**
     * Makes a new RSA and EC key current and keeps the previous ones published.
     *
     * @return the key ids of the new current keys (RSA first)
     */
    public List<String> rotateKeys() {
        return provider.rotateKeys();
    }

    /** Stops accepting requests and releases the port and threads. */
    public void stop() {
        server.stop(0);
        scheduler.shutdownNow();
        requestPool.shutdown();
        backgroundPool.shutdown();
        LOG.info(() -> "VNeID sandbox " + issuer + " stopped");
    }

    @Override
    public void close() {
        stop();
    }

    private static <T> T joinUnwrapped(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static String loadOrGenerateSecret(Path file) throws IOException {
        Optional<String> stored = PrivateFiles.read(file).map(String::trim).filter(s -> !s.isEmpty());
        if (stored.isPresent()) {
            return stored.get();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PrivateFiles.write(file, secret + "\n");
        LOG.info(() -> "Generated a client secret into " + file);
        return secret;
    }

    private static JWKSource<SecurityContext> clientKeys(SandboxConfig config) {
        if (config.clientJwksFile() != null) {
            try {
                JWKSet set = JWKSet.load(config.clientJwksFile().toFile());
                return new ImmutableJWKSet<>(set.toPublicJWKSet());
            } catch (IOException | ParseException e) {
                throw new SandboxConfigException("SANDBOX_CLIENT_JWKS_FILE",
                        config.clientJwksFile() + " is not a readable JWK set: " + e.getMessage(), e);
            }
        }
        if (config.clientJwksUri() != null) {
            try {
                return JWKSourceBuilder.create(config.clientJwksUri().toURL(),
                        new DefaultResourceRetriever(2_000, 2_000, 256 * 1024)).retrying(false).build();
            } catch (MalformedURLException e) {
                throw new SandboxConfigException("SANDBOX_CLIENT_JWKS_URI", "is not a URL: " + e.getMessage(), e);
            }
        }
        return null;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
