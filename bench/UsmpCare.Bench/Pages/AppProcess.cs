using System.Diagnostics;

namespace UsmpCare.Bench.Pages;

/// <summary>
/// One instance of the app, started from its Release build as a child process, the way it runs in production
/// (Kestrel, its own configuration, the database given by the environment).
/// </summary>
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>From the process start to the first 200 on /health/ready.</summary>
    public TimeSpan TimeToReady { get; private set; }

    public int Id => _process.Id;

    public static async Task<AppProcess> StartAsync(string appDll, string connectionString, int port, string? auditKey,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var baseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet")
        {
            // The content root is the working directory: appsettings*.json sit next to the dll.
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(appDll);
        info.Environment["ConnectionStrings__Default"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = baseUrl;
        if (!string.IsNullOrEmpty(auditKey))
        {
            info.Environment["Audit__Key"] = auditKey;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var watch = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the app");
        // The app logs one line per request: drain both pipes so it never blocks on a full one.
        // USMP_BENCH_APP_LOG keeps what the app writes (its EF Core command log, to copy a page's SQL into PageSql.cs).
        var keep = Environment.GetEnvironmentVariable("USMP_BENCH_APP_LOG") is { Length: > 0 } path
            ? TextWriter.Synchronized(new StreamWriter(path, append: true) { AutoFlush = true })
            : null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                keep?.WriteLine(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[app {port}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, baseUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {process.ExitCode}");
            }
            try
            {
                using var response = await http.GetAsync(baseUrl + "/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but busy starting.
            }
            if (watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("the app did not become ready in 2 minutes");
            }
            await Task.Delay(10);
        }
        app.TimeToReady = watch.Elapsed;
        return app;
    }

    /// <summary>Peak resident memory of the app (VmHWM), in MiB.</summary>
    public double PeakRssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
            }
        }
        return double.NaN;
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
