using System.Globalization;
using UsmpCare.Bench.Generation;

namespace UsmpCare.Bench;

/// <summary>
/// dotnet run -c Release --project bench/UsmpCare.Bench -- &lt;command&gt;
///   render [iterations]                          certificate PDF render timing (also: a bare number)
///   generate --connection CS [--scale 1.0]       fills a migrated, demo-seeded database with a large hospital
///   pages --connection CS [--clients 8] [--seconds 20] [--latency-seconds 10] [--only name,name] [--two-instances false]
///                                                page benchmark against that database (README, docs/performance.md);
///                                                --only measures the pages whose names start so, and nothing else
///   sql --connection CS --command SQL            runs one statement, prints its first value (bench/scale.sh)
///   rounds --connection CS [--patients 40] [--samples 200]
///                                                the distribution round recorded dose by dose, then its list's p95
///   movements LINES FILE                         writes a movements file for the import benchmark (scripts/bench-import.sh)
/// </summary>
public static class Cli
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var command = args.Length == 0 ? "render" : args[0];
        if (int.TryParse(command, out var bare))
        {
            return RenderBenchmark.Run(bare);
        }
        if (args is ["movements", var count, var path])
        {
            MovementsFile.Write(int.Parse(count, CultureInfo.InvariantCulture), path);
            return 0;
        }
        var options = Options(args.Skip(1).ToArray());
        switch (command)
        {
            case "render":
                return RenderBenchmark.Run(args.Length > 1 && int.TryParse(args[1], out var n) ? n : 300);
            case "generate":
            {
                var report = await Generator.RunAsync(new GeneratorOptions(Required(options, "connection"),
                    double.Parse(options.GetValueOrDefault("scale", "1.0"), CultureInfo.InvariantCulture),
                    options.GetValueOrDefault("audit-key") ?? Environment.GetEnvironmentVariable("Audit__Key")), Console.Out);
                foreach (var (table, rows) in report.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
                {
                    Console.WriteLine($"  {table,-28} {rows,12:N0}");
                }
                Console.WriteLine($"generated {report.Total:N0} rows in {report.Elapsed.TotalSeconds:0.0} s " +
                                  $"({report.Total / report.Elapsed.TotalSeconds:N0} rows/s, indexes and ANALYZE included)");
                return 0;
            }
            case "sql":
            {
                // For bench/scale.sh: one statement, its first value printed (no psql needed).
                await using var connection = new Npgsql.NpgsqlConnection(Required(options, "connection"));
                await connection.OpenAsync();
                await using var sql = new Npgsql.NpgsqlCommand(Required(options, "command"), connection) { CommandTimeout = 0 };
                Console.WriteLine(await sql.ExecuteScalarAsync());
                return 0;
            }
            case "pages":
                return await Pages.PageBenchmark.RunAsync(Pages.BenchmarkOptions.From(options), Console.Out);
            case "rounds":
                return await Rounds.RoundBenchmark.RunAsync(options, Console.Out);
            default:
                Console.Error.WriteLine($"unknown command « {command} »: render, generate, pages, rounds, sql or movements");
                return 2;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                options[args[i][2..]] = hasValue ? args[++i] : "true";
            }
        }
        return options;
    }

    internal static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required");
}
