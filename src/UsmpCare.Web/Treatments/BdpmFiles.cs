using System.Text;
using UsmpCare.Domain;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Treatments;

/// <summary>One product read from the three files, before it meets the database.</summary>
public sealed record BdpmDrug(string Cis, string Name, string Form, string Routes, string AuthorizationStatus,
    string MarketingStatus, List<DrugSubstance> Substances, List<DrugPresentation> Presentations)
{
    /// <summary>Name and active substances, normalised like a searched term (Patients/PatientSearch.Normalize).</summary>
    public string SearchText => PatientSearch.Normalize(string.Join(' ',
        [Name, .. Substances.Where(s => s.Nature == "SA").Select(s => s.Name).Distinct()]));
}

/// <summary>
/// The ANSM's downloadable files of the public drug database (« Contenu et format des fichiers téléchargeables dans
/// la BDM »): tab-separated, no header, Windows-1252, one record per line. Read whole and checked line by line before
/// anything is written: a malformed file is refused with the file and line named, and the import then changes nothing.
/// </summary>
public sealed class BdpmFiles(byte[] specialities, byte[] compositions, byte[] presentations)
{
    public const string SpecialitiesName = "CIS_bdpm.txt", CompositionsName = "CIS_COMPO_bdpm.txt", PresentationsName = "CIS_CIP_bdpm.txt";
    private const int MaxProblems = 10;

    /// <summary>The three files of a folder, by their ANSM names.</summary>
    public static async Task<BdpmFiles> FromFolderAsync(string folder)
    {
        async Task<byte[]> Read(string name)
        {
            var path = Path.Combine(folder, name);
            return File.Exists(path) ? await File.ReadAllBytesAsync(path)
                : throw new IOException($"Fichier {name} introuvable dans {folder}.");
        }
        return new BdpmFiles(await Read(SpecialitiesName), await Read(CompositionsName), await Read(PresentationsName));
    }

    /// <summary>The demo referential shipped under data/bdpm-demo (embedded), its codes in the reserved 99xxxxxx range.</summary>
    public static BdpmFiles Demo()
    {
        static byte[] Read(string name)
        {
            using var stream = typeof(BdpmFiles).Assembly.GetManifestResourceStream($"UsmpCare.Web.Treatments.Demo.{name}")
                ?? throw new InvalidOperationException($"Référentiel de démonstration {name} absent de l'application.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        return new BdpmFiles(Read(SpecialitiesName), Read(CompositionsName), Read(PresentationsName));
    }

    /// <summary>Every product, or a <see cref="DomainException"/> naming the first problems (file and line).</summary>
    public (IReadOnlyList<BdpmDrug> Drugs, int IgnoredLines) Read()
    {
        var problems = new List<string>();
        var drugs = new Dictionary<string, BdpmDrug>();
        foreach (var (line, f) in Lines(specialities, SpecialitiesName, 12, 12, problems))
        {
            if (Cis(f[0], SpecialitiesName, line, problems) is not { } cis)
            {
                continue;
            }
            if (f[1].Trim().Length == 0)
            {
                problems.Add($"{SpecialitiesName}, ligne {line} : dénomination du médicament vide.");
            }
            else if (!drugs.TryAdd(cis, new BdpmDrug(cis, f[1].Trim(), f[2].Trim(), f[3].Trim(), f[4].Trim(), f[6].Trim(), [], [])))
            {
                problems.Add($"{SpecialitiesName}, ligne {line} : code CIS {cis} déjà lu plus haut.");
            }
        }
        var ignored = 0;
        foreach (var (line, f) in Lines(compositions, CompositionsName, 8, 8, problems))
        {
            var nature = f[6].Trim();
            if (Cis(f[0], CompositionsName, line, problems) is not { } cis)
            {
                continue;
            }
            if (!Digits(f[2].Trim(), 1, 10) || f[3].Trim().Length == 0 || nature is not ("SA" or "FT"))
            {
                problems.Add($"{CompositionsName}, ligne {line} : code de substance, dénomination ou nature (SA ou FT) absent ou invalide.");
            }
            // The ANSM's files are extracted separately: a composition of a product no longer listed is skipped, counted.
            else if (!drugs.TryGetValue(cis, out var drug))
            {
                ignored++;
            }
            else
            {
                drug.Substances.Add(new DrugSubstance(f[2].Trim(), f[3].Trim(), f[4].Trim(), f[5].Trim(), nature));
            }
        }
        foreach (var (line, f) in Lines(presentations, PresentationsName, 12, 13, problems))
        {
            if (Cis(f[0], PresentationsName, line, problems) is not { } cis)
            {
                continue;
            }
            if (!Digits(f[1].Trim(), 7, 7) || !Digits(f[6].Trim(), 13, 13))
            {
                problems.Add($"{PresentationsName}, ligne {line} : code CIP7 (7 chiffres) ou CIP13 (13 chiffres) invalide.");
            }
            else if (!drugs.TryGetValue(cis, out var drug))
            {
                ignored++;
            }
            else
            {
                drug.Presentations.Add(new DrugPresentation(f[1].Trim(), f[6].Trim(), f[2].Trim()));
            }
        }
        if (drugs.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{SpecialitiesName} ne contient aucun médicament.");
        }
        if (problems.Count > 0)
        {
            throw new DomainException([.. problems.Take(MaxProblems),
                .. problems.Count > MaxProblems ? [$"… et {problems.Count - MaxProblems} autre(s) problème(s)."] : Array.Empty<string>(),
                "Rien n'a été importé."]);
        }
        return ([.. drugs.Values], ignored);
    }

    /// <summary>Non-blank lines split on tabs, one trailing empty field dropped (the ANSM ends some lines with a tab).</summary>
    private static IEnumerable<(int Line, string[] Fields)> Lines(byte[] content, string file, int min, int max, List<string> problems)
    {
        var lines = Decode(content).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            if (raw.Trim().Length == 0)
            {
                continue;
            }
            var fields = raw.Split('\t');
            if (fields.Length > min && fields[^1].Trim().Length == 0)
            {
                fields = fields[..^1];
            }
            if (fields.Length < min || fields.Length > max)
            {
                problems.Add($"{file}, ligne {i + 1} : {fields.Length} colonne(s) séparée(s) par des tabulations au lieu de {(min == max ? $"{min}" : $"{min} à {max}")}.");
                continue;
            }
            yield return (i + 1, fields);
        }
    }

    private static string? Cis(string field, string file, int line, List<string> problems)
    {
        var cis = field.Trim();
        if (Digits(cis, 8, 8))
        {
            return cis;
        }
        problems.Add($"{file}, ligne {line} : code CIS « {(cis.Length > 20 ? cis[..20] + "…" : cis)} » invalide (huit chiffres attendus).");
        return null;
    }

    private static bool Digits(string value, int min, int max) => value.Length >= min && value.Length <= max && value.All(char.IsAsciiDigit);

    /// <summary>Windows-1252 as the ANSM publishes them; UTF-8 accepted when the bytes are valid UTF-8.</summary>
    private static string Decode(byte[] content)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(content);
        }
    }
}
