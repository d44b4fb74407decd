using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace UsmpCare.Web.Tests.Infrastructure;

/// <summary>
/// The built app started exactly as run.sh starts it: <c>dotnet src/UsmpCare.Web/bin/…/UsmpCare.Web.dll</c> from the
/// repository root, in a child process, on a port the system picks. Its standard output (the log) and error are kept
/// line by line.
/// </summary>
public sealed class BuiltApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private BuiltApp(Process process) => _process = process;

    public IReadOnlyCollection<string> Output => _output;

    public string Errors => string.Join('\n', _errors);

    /// <summary>The checkout: the folder above the tests' output that holds UsmpCare.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The app's dll as run.sh names it, built in the tests' own configuration (Release under test.sh).</summary>
    public static string Dll { get; } = Path.Combine("src", "UsmpCare.Web", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name, "net10.0", "UsmpCare.Web.dll");

    public static BuiltApp Start(IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Dll, "--urls", "http://127.0.0.1:0" })
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
                                                                  || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(inherited);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the app");
        var app = new BuiltApp(process);
        process.OutputDataReceived += (_, e) => Keep(app._output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(app._errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    /// <summary>The address Kestrel says it listens on, read from the app's own log; fails if it never says so.</summary>
    public async Task<Uri> ListeningAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            var address = LogEvents().Where(e => e.TryGetProperty("@mt", out var template) && template.GetString() == "Now listening on: {address}")
                .Select(e => e.GetProperty("address").GetString()).FirstOrDefault();
            if (address is not null)
            {
                return new Uri(address);
            }
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode}: {Errors}");
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the app logged no « Now listening on » in 90 s. Output: {string.Join('\n', _output)} Errors: {Errors}");
    }

    /// <summary>The exit code, once the process ended by itself; fails if it still runs after 90 s.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>The lines of standard output that are JSON log events (the format of appsettings.json outside Development).</summary>
    public IEnumerable<JsonElement> LogEvents()
    {
        foreach (var line in _output)
        {
            JsonElement? parsed = null;
            try
            {
                parsed = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                // Not a log event.
            }
            if (parsed is { ValueKind: JsonValueKind.Object } e)
            {
                yield return e;
            }
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "UsmpCare.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("UsmpCare.sln not found above the tests' output");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
