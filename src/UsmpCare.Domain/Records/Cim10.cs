using System.Reflection;

namespace UsmpCare.Domain.Records;

public sealed record Cim10Code(string Code, string Label)
{
    public override string ToString() => $"{Code} — {Label}";
}

/// <summary>
/// The CIM-10 (ICD-10, French edition) codes UsmpCare proposes: a subset shipped as data (Records/cim10-fr.csv)
/// covering what a prison health unit codes day to day.
/// </summary>
public static class Cim10
{
    private static readonly Lazy<IReadOnlyDictionary<string, Cim10Code>> Codes = new(Load);

    public static IEnumerable<Cim10Code> All => Codes.Value.Values.OrderBy(c => c.Code, StringComparer.Ordinal);

    public static Cim10Code? Find(string? code)
    {
        var key = Normalize(code);
        return key.Length > 0 && Codes.Value.TryGetValue(key, out var found) ? found : null;
    }

    /// <summary>Accepts « J45.9 », « j459 » or « J45.9 — Asthme… » as typed or picked from the list.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return "";
        }
        var code = input.Trim().Split([' ', '—', '-'], 2)[0].ToUpperInvariant().Replace(".", "");
        return code.Length > 3 ? code[..3] + "." + code[3..] : code;
    }

    private static IReadOnlyDictionary<string, Cim10Code> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("UsmpCare.Domain.Records.cim10-fr.csv")
            ?? throw new InvalidOperationException("cim10-fr.csv is not embedded");
        using var reader = new StreamReader(stream);
        var codes = new Dictionary<string, Cim10Code>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(';', 2);
            if (parts.Length == 2 && parts[0].Trim().Length > 0)
            {
                var code = Normalize(parts[0]);
                codes[code] = new Cim10Code(code, parts[1].Trim());
            }
        }
        return codes;
    }
}
