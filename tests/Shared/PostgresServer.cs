using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Npgsql;

namespace QqConnect.TestSupport;

/// <summary>
/// A real PostgreSQL server of the test process's own: initdb and pg_ctl of Debian's postgresql package (the newest
/// version under /usr/lib/postgresql, or the directory QQCONNECT_POSTGRES_BIN names), a data directory in the temp
/// folder, a free loopback port, trust authentication for the postgres role. Started on first use, once per process,
/// stopped and deleted when the process exits (or, should the process be killed, by a watcher it starts). PostgreSQL
/// refuses to run as root: run as root, the server runs as the postgres user the package creates.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>Set to 1 (CI does) to make a missing PostgreSQL a failure instead of a skip.</summary>
    public const string RequireVariable = "QQCONNECT_REQUIRE_POSTGRES";

    /// <summary>A directory holding initdb and pg_ctl, instead of Debian's.</summary>
    public const string BinVariable = "QQCONNECT_POSTGRES_BIN";

    private const string ServiceUser = "postgres";
    private const string DebianRoot = "/usr/lib/postgresql";

    private static readonly Lazy<PostgresServer> LazyShared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly bool _asServiceUser;
    private Process? _watcher;
    private int _stopped;

    private PostgresServer(string bin, string root, bool asServiceUser)
    {
        _bin = bin;
        _root = root;
        _data = Path.Combine(root, "data");
        _asServiceUser = asServiceUser;
        RunDirectory = Path.Combine(root, "run");
    }

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>The directory of the server's Unix socket and log.</summary>
    public string RunDirectory { get; }

    /// <summary>The directory of initdb and pg_ctl, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory { get; } = FindBinDirectory();

    /// <summary>
    /// The process's server, started on first use. Without PostgreSQL the calling test is skipped, or fails when
    /// <see cref="RequireVariable"/> is 1.
    /// </summary>
    public static PostgresServer Shared
    {
        get
        {
            EnsureInstalled();
            return LazyShared.Value;
        }
    }

    /// <summary>
    /// A server of the caller's own, not <see cref="Shared"/>: for a test that stops and starts it (<see cref="Stop"/>,
    /// <see cref="StartAgain"/>). The caller disposes it. Skipped or failed like <see cref="Shared"/> without PostgreSQL.
    /// </summary>
    public static PostgresServer StartOwn()
    {
        EnsureInstalled();
        return Start();
    }

    /// <summary>Stops the server as an administrator would (fast shutdown: open connections are cut), keeping its data.</summary>
    public void Stop() => Run("pg_ctl", "-D", _data, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary>Starts the stopped server again, on the same port; returns once it accepts connections.</summary>
    public void StartAgain() => Run("pg_ctl", "-D", _data, "-l", Path.Combine(RunDirectory, "server.log"), "-o", ServerOptions, "-w", "-t", "60", "start");

    private string ServerOptions => string.Join(' ',
        $"-p {Port.ToString(CultureInfo.InvariantCulture)}", $"-k '{RunDirectory}'", "-c listen_addresses=127.0.0.1",
        "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200");

    private static void EnsureInstalled()
    {
        if (BinDirectory is not null)
        {
            return;
        }

        var where = Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } configured
            ? $"no initdb and pg_ctl in {configured} ({BinVariable})"
            : $"no {DebianRoot}/<version>/bin/initdb";
        var message = $"PostgreSQL is missing ({where}): install Debian's postgresql (apt-get install -y postgresql) to run the PostgreSQL tests.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Xunit.Assert.Fail($"{message} ({RequireVariable}=1 makes this a failure.)");
        }

        Xunit.Skip.If(true, message);
    }

    /// <summary>The connection string of database <paramref name="database"/> as the postgres role.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = ServiceUser,
        Database = database,
        Timeout = 30,
    }.ToString();

    /// <summary>A new, empty database (CREATE DATABASE); its connection string.</summary>
    public string CreateDatabase(string namePrefix = "test")
    {
        var name = $"{namePrefix}_{Guid.NewGuid():N}";
        Execute($"CREATE DATABASE \"{name}\"");
        return ConnectionString(name);
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing its connections first.</summary>
    public void DropDatabase(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Stops the server (immediate shutdown: its data is thrown away) and deletes its directory.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(_data, "postmaster.pid")))
            {
                Run("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
            }
        }
        finally
        {
            StopWatcher();
            Directory.Delete(_root, recursive: true);
        }
    }

    private static string? FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable(BinVariable) is { Length: > 0 } configured)
        {
            return HasTools(configured) ? configured : null;
        }

        if (!Directory.Exists(DebianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(DebianRoot)
            .Select(version => (Version: double.TryParse(Path.GetFileName(version), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : -1, Bin: Path.Combine(version, "bin")))
            .Where(candidate => candidate.Version >= 0 && HasTools(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();

        static bool HasTools(string bin) => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl"));
    }

    private static PostgresServer Start()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The test PostgreSQL server runs on Linux and macOS.");
        }

        var root = Directory.CreateTempSubdirectory("qqconnect-postgres-").FullName;
        var server = new PostgresServer(BinDirectory!, root, Environment.IsPrivilegedProcess);
        try
        {
            server.Initialize();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    [UnsupportedOSPlatform("windows")]
    private void Initialize()
    {
        // The service user reaches its directories through the root one (made 0700); PostgreSQL wants its data
        // directory 0700 and its own.
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        Directory.CreateDirectory(_data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(RunDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        if (_asServiceUser)
        {
            Exec("chown", [$"{ServiceUser}:", _data, RunDirectory]);
        }

        StartWatcher();
        Run("initdb", "-D", _data, "-A", "trust", "-U", ServiceUser, "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions");

        // A port found free may be taken before the server binds it: another port then.
        var log = Path.Combine(RunDirectory, "server.log");
        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            try
            {
                Run("pg_ctl", "-D", _data, "-l", log, "-o", ServerOptions, "-w", "-t", "60", "start");
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // The next attempt takes another port.
            }
            catch (InvalidOperationException failed)
            {
                var tail = File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no log)";
                throw new InvalidOperationException($"{failed.Message}\nserver log:\n{tail}", failed);
            }
        }
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a tool of the server's bin directory, as the service user when this process is root.</summary>
    private void Run(string tool, params string[] arguments)
    {
        var path = Path.Combine(_bin, tool);
        if (_asServiceUser)
        {
            Exec("runuser", ["-u", ServiceUser, "--", path, .. arguments]);
        }
        else
        {
            Exec(path, arguments);
        }
    }

    private void Exec(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            // The tools look at their working directory, which the service user may not be allowed to enter.
            WorkingDirectory = _root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish in 90 s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{fileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }

    /// <summary>
    /// A shell that waits for this process to end, then stops the server and deletes its directory: the cleanup of a
    /// test process that was killed (a normal exit stops the server itself, and this shell with it).
    /// </summary>
    private void StartWatcher()
    {
        var pgCtl = Path.Combine(_bin, "pg_ctl");
        var stop = _asServiceUser ? $"runuser -u {ServiceUser} -- \"$3\" -D \"$2/data\" -m immediate stop" : "\"$3\" -D \"$2/data\" -m immediate stop";
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = _root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-c", $"while kill -0 \"$1\" 2>/dev/null; do sleep 2; done; {stop} >/dev/null 2>&1; rm -rf \"$2\"", "watcher", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _root, pgCtl })
        {
            start.ArgumentList.Add(argument);
        }

        _watcher = Process.Start(start);
    }

    private void StopWatcher()
    {
        if (_watcher is null)
        {
            return;
        }

        try
        {
            _watcher.Kill();
        }
        catch (InvalidOperationException)
        {
            // Already ended.
        }

        _watcher.Dispose();
        _watcher = null;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
