using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace UsmpCare.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run: started once, in a temporary directory, as the postgres
/// user when the tests run as root (initdb refuses root). With USMP_TEST_PG set (a superuser connection string to an
/// existing server) that server is used instead. Each test class gets its own database, cloned from a migrated and
/// seeded template, so classes never see each other's data. Every cluster gets the two roles of a deployment
/// (docs/decisions/0014): <see cref="OwnerRole"/> owns the databases and runs the migrations, <see cref="AppRole"/> is
/// what the app under test connects as; the admin (superuser) connection stays for setup and for tampering on purpose.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(() => StartAsync(durable: false));

    private readonly Func<string[], Task>? _pgCtl;
    private readonly string _startOptions = "";

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    private PostgresServer(string adminConnectionString, Func<string[], Task> pgCtl, string startOptions, string? rolePassword = null)
        : this(adminConnectionString)
    {
        _pgCtl = pgCtl;
        _startOptions = startOptions;
        _rolePassword = rolePassword ?? _rolePassword;
    }

    public const string OwnerRole = "usmpcare_owner", AppRole = "usmpcare_app";

    /// <summary>The roles' password, new for each test run (set again on a reused USMP_TEST_PG server).</summary>
    private readonly string _rolePassword = Guid.NewGuid().ToString("N");

    /// <summary>
    /// A hot standby of this cluster, as a deployment's read replica (issue #22 point 5): <c>pg_basebackup -R</c> copies
    /// the cluster and writes the streaming settings, then the copy starts on a port of its own and follows the
    /// primary. Same roles, same passwords (it is the same cluster, byte for byte); any write is refused there.
    /// </summary>
    public async Task<PostgresServer> StartReplicaAsync()
    {
        var source = new NpgsqlConnectionStringBuilder(AdminConnectionString);
        var (bin, dir, asRoot) = await NewDirectoryAsync("usmp-test-replica-");
        var data = Path.Combine(dir, "data");
        await RunAsPostgresAsync(asRoot, Path.Combine(bin, "pg_basebackup"),
            ["-h", source.Host!, "-p", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres",
             "-D", data, "-R", "-X", "stream", "--no-sync"]);
        var (port, options, pgCtl) = await StartClusterAsync(bin, dir, data, asRoot, "-c hot_standby=on");
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true",
            pgCtl, options, _rolePassword);
    }

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>
    /// A cluster of the caller's own, which it may stop and start (the fault tests): commits are synchronous, so an
    /// immediate stop loses nothing that was acknowledged, as on a real server.
    /// </summary>
    public static Task<PostgresServer> StartPrivateAsync() => StartAsync(durable: true);

    /// <summary>Kills the server as a crash would (<c>pg_ctl -m immediate</c>): no checkpoint, recovery at the next start.</summary>
    public Task CrashAsync() => (_pgCtl ?? throw NotOwned())(["-m", "immediate", "stop"]);

    public Task RestartAsync() => (_pgCtl ?? throw NotOwned())(["-w", "-o", _startOptions, "start"]);

    private static InvalidOperationException NotOwned() => new("this server was not started by the tests (USMP_TEST_PG)");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public string OwnerConnectionStringFor(string database) => RoleConnectionString(database, OwnerRole);

    public string AppConnectionStringFor(string database) => RoleConnectionString(database, AppRole);

    private string RoleConnectionString(string database, string role) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Username = role, Password = _rolePassword }.ConnectionString;

    /// <summary>An empty database owned by the owner role, as a deployment's (docs/operations.md).</summary>
    public Task CreateDatabaseAsync(string database, string? template = null) =>
        ExecuteAsync($"CREATE DATABASE {database} OWNER {OwnerRole}" + (template is null ? "" : $" TEMPLATE {template}"));

    /// <summary>
    /// The owner may create databases (scripts/restore.sh as the owner) and nothing more; the app's role may only log
    /// in. Idempotent: a reused server keeps its roles, with this run's password.
    /// </summary>
    private async Task<PostgresServer> WithRolesAsync()
    {
        await ExecuteAsync($$"""
            DO $$ BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{OwnerRole}}') THEN CREATE ROLE {{OwnerRole}}; END IF;
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{{AppRole}}') THEN CREATE ROLE {{AppRole}}; END IF;
            END $$;
            ALTER ROLE {{OwnerRole}} LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{{_rolePassword}}';
            ALTER ROLE {{AppRole}} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '{{_rolePassword}}';
            """);
        return this;
    }

    public async Task<T> ScalarAsync<T>(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, string database = "postgres")
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresServer> StartAsync(bool durable)
    {
        var external = Environment.GetEnvironmentVariable("USMP_TEST_PG");
        if (!string.IsNullOrWhiteSpace(external) && !durable)
        {
            return await new PostgresServer(external).WithRolesAsync();
        }
        var (bin, dir, asRoot) = await NewDirectoryAsync("usmp-test-pg-");
        var data = Path.Combine(dir, "data");
        await RunAsPostgresAsync(asRoot, Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        // Durability is pointless for a throwaway cluster: turn it off so tests run fast. A cluster the fault tests
        // crash keeps synchronous commits (a process crash keeps what reached the OS, fsync or not).
        var (port, options, pgCtl) = await StartClusterAsync(bin, dir, data, asRoot,
            durable ? "-c max_connections=100" : "-c synchronous_commit=off -c max_connections=300");
        return await new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true",
            pgCtl, options).WithRolesAsync();
    }

    /// <summary>A new directory under /tmp for a cluster, owned by postgres when the tests run as root.</summary>
    private static async Task<(string Bin, string Dir, bool AsRoot)> NewDirectoryAsync(string prefix)
    {
        var bin = FindPostgresBin();
        var dir = Path.Combine("/tmp", prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:", dir]);
        }
        return (bin, dir, asRoot);
    }

    /// <summary>Starts the cluster in <paramref name="data"/> on a free port; stopped and removed when the run ends.</summary>
    private static async Task<(int Port, string Options, Func<string[], Task> PgCtl)> StartClusterAsync(string bin, string dir,
        string data, bool asRoot, string extraOptions)
    {
        var log = Path.Combine(dir, "server.log");
        Task PgCtl(string[] args) => RunAsPostgresAsync(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", log, .. args]);
        int port;
        string options;
        // The free port is found by binding port 0, then released for PostgreSQL: another process (a parallel test
        // run, a browser) may take it in between. The server then fails to bind and says so in its log: take another.
        for (var attempt = 1; ; attempt++)
        {
            port = FreePort();
            options = $"-p {port} -c listen_addresses=127.0.0.1 -k {dir} -c fsync=off -c full_page_writes=off {extraOptions}";
            try
            {
                await PgCtl(["-w", "-o", options, "start"]);
                break;
            }
            catch (InvalidOperationException) when (attempt < 5 && File.Exists(log)
                && File.ReadAllText(log).Contains("could not bind", StringComparison.Ordinal))
            {
                File.Delete(log);
            }
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                using var stop = Process.Start(asRoot ? "runuser" : Path.Combine(bin, "pg_ctl"), asRoot
                    ? ["-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop"]
                    : ["-D", data, "-m", "immediate", "stop"]);
                stop.WaitForExit(10_000);
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception)
            {
                // Best effort: a leftover /tmp directory must not fail the run.
            }
        };
        return (port, options, PgCtl);
    }

    private static string FindPostgresBin()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found: apt-get install -y postgresql, or set USMP_TEST_PG.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(bool asRoot, string file, string[] args) =>
        asRoot ? RunAsync("runuser", ["-u", "postgres", "--", file, .. args]) : RunAsync(file, args);

    private static async Task RunAsync(string file, string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/tmp",
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await stdout}{await stderr}");
        }
    }
}
