package vn.portal.sandbox;

import vn.portal.sandbox.citizen.Citizen;
import vn.portal.sandbox.citizen.CitizenFileException;
import vn.portal.sandbox.keys.KeyStoreException;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar vneid-sandbox.jar}: starts the sandbox from environment variables / system properties, prints
 * where it listens and which client to use, and stops cleanly on Ctrl-C. {@code SANDBOX_LOG_LEVEL=FINE} logs one
 * line per request.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        configureLogging();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        SandboxServer server;
        try {
            server = SandboxServer.start(SandboxConfig.fromEnvironment());
        } catch (SandboxConfigException | CitizenFileException | KeyStoreException | IOException e) {
            System.err.println("vneid-sandbox: cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }, "vneid-sandbox-shutdown"));
        out.println("VNeID sandbox — MÔI TRƯỜNG THỬ NGHIỆM / TEST ENVIRONMENT (never for real services)");
        out.println("  issuer:     " + server.issuer());
        out.println("  discovery:  " + server.discoveryUri());
        out.println("  client id:  " + server.clientId());
        out.println("  secret:     " + server.clientSecretFile().map(p -> "in " + p.toAbsolutePath().normalize())
                .orElse("as configured by SANDBOX_CLIENT_SECRET"));
        out.println("  citizens:   " + server.citizens().size() + " demo citizens, for example:");
        server.citizens().all().stream().limit(4).forEach(c -> out.println("              " + describe(c)));
        ProcessHandle.current().info().startInstant().ifPresent(started -> out.println("Ready "
                + java.time.Duration.between(started, java.time.Instant.now()).toMillis() + " ms after the JVM started."));
        out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    private static String describe(Citizen c) {
        return c.fullName() + " (" + c.maskedPersonalId() + ", mức " + c.accountLevel() + ")";
    }

    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %3$s - %5$s%6$s%n");
        String configured = System.getProperty("sandbox.log.level", System.getenv("SANDBOX_LOG_LEVEL"));
        Level level;
        try {
            level = configured == null ? Level.INFO : Level.parse(configured.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            level = Level.INFO;
        }
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(level);
        try {
            console.setEncoding(StandardCharsets.UTF_8.name());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        root.addHandler(console);
        root.setLevel(Level.INFO);
        Logger.getLogger("vn.portal.sandbox").setLevel(level);
    }
}
