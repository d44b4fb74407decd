using System.Globalization;
using System.Text;
using UsmpCare.Domain.Patients;

namespace UsmpCare.Web.Interop;

/// <summary>One valid line of a movements file (docs/interop.md): identity, movement, and nothing judicial (P29).</summary>
public sealed record MovementLine(int LineNumber, string Ecrou, string LastName, string? BirthName, string FirstName,
    DateOnly BirthDate, Sex Sex, MovementKind Kind, DateOnly Date, string? Establishment, string? Cell,
    DateOnly? ExpectedReleaseDate);

/// <summary>A line refused, with its number in the file (the header is line 1) and the reason, in French.</summary>
public sealed record RejectedLine(int LineNumber, string Reason);

/// <summary>
/// Reads the movements file the prison's management system (GENESIS) exports: UTF-8 (with or without BOM) or
/// Windows-1252, « ; » or « , » separated, one header line naming the columns. Columns about the offence, the sentence
/// or the judicial file are dropped here, before any value is read (P29): they never reach the database, nor memory
/// beyond the split line.
/// </summary>
public sealed class MovementFile
{
    private const int MaxEcrou = 20, MaxName = 100, MaxCell = 30, MaxEstablishment = 200;

    /// <summary>P29: header words that reveal the cause of incarceration; such a column is dropped and reported.</summary>
    private static readonly string[] JudicialWords =
    [
        "infraction", "motif", "peine", "condamn", "qualification", "juridiction", "affaire", "parquet", "quantum",
        "judiciaire", "faits", "delit", "crime", "jugement", "mandat", "casier", "proces", "tribunal", "inculp",
        "natinf", "penal", "offen", "sentence", "audience", "prevention", "chefdaccusation", "accusation",
    ];

    private enum Column { Ecrou, LastName, BirthName, FirstName, BirthDate, Sex, Movement, Date, Establishment, Cell, ExpectedRelease }

    private static readonly Dictionary<string, Column> Headers = new()
    {
        ["ecrou"] = Column.Ecrou, ["numeroecrou"] = Column.Ecrou, ["numerodecrou"] = Column.Ecrou, ["numecrou"] = Column.Ecrou,
        ["noecrou"] = Column.Ecrou, ["necrou"] = Column.Ecrou,
        ["nom"] = Column.LastName, ["nomusage"] = Column.LastName, ["nomdusage"] = Column.LastName,
        ["nomdenaissance"] = Column.BirthName, ["nomnaissance"] = Column.BirthName,
        ["prenom"] = Column.FirstName, ["prenoms"] = Column.FirstName,
        ["datedenaissance"] = Column.BirthDate, ["datenaissance"] = Column.BirthDate, ["naissance"] = Column.BirthDate,
        ["sexe"] = Column.Sex,
        ["mouvement"] = Column.Movement, ["typemouvement"] = Column.Movement, ["typedemouvement"] = Column.Movement,
        ["date"] = Column.Date, ["datemouvement"] = Column.Date, ["datedumouvement"] = Column.Date,
        ["etablissement"] = Column.Establishment, ["etablissementdestination"] = Column.Establishment,
        ["etablissementdedestination"] = Column.Establishment, ["destination"] = Column.Establishment,
        ["provenance"] = Column.Establishment,
        ["cellule"] = Column.Cell,
        ["dateliberationprevue"] = Column.ExpectedRelease, ["datedeliberationprevue"] = Column.ExpectedRelease,
        ["liberationprevue"] = Column.ExpectedRelease, ["datesortieprevue"] = Column.ExpectedRelease,
        ["datedesortieprevue"] = Column.ExpectedRelease,
    };

    private static readonly Column[] Required =
        [Column.Ecrou, Column.LastName, Column.FirstName, Column.BirthDate, Column.Sex, Column.Movement, Column.Date];

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"];

    public string EncodingName { get; private set; } = "";
    public char Separator { get; private set; }

    /// <summary>P29: the columns dropped because they are about the offence, the sentence or the judicial file.</summary>
    public List<string> DroppedColumns { get; } = [];

    /// <summary>Columns the format does not know: ignored, never stored.</summary>
    public List<string> UnknownColumns { get; } = [];

    public List<MovementLine> Lines { get; } = [];
    public List<RejectedLine> Rejected { get; } = [];

    /// <summary>Why the whole file cannot be read (empty, no separator, a required column missing), or null.</summary>
    public string? FileProblem { get; private set; }

    public int DataLines { get; private set; }

    public static MovementFile Parse(byte[] content)
    {
        var file = new MovementFile();
        var text = file.Decode(content);
        var lines = text.Split('\n');
        var headerIndex = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (headerIndex < 0)
        {
            file.FileProblem = "Le fichier est vide.";
            return file;
        }
        var header = lines[headerIndex].TrimEnd('\r');
        var semicolons = CountOutsideQuotes(header, ';');
        var commas = CountOutsideQuotes(header, ',');
        if (semicolons == 0 && commas == 0)
        {
            file.FileProblem = "Ligne d'en-tête illisible : les colonnes doivent être séparées par « ; » ou « , ».";
            return file;
        }
        file.Separator = semicolons >= commas ? ';' : ',';
        var map = file.MapHeader(Split(header, file.Separator));
        if (file.FileProblem is not null)
        {
            return file;
        }
        for (var i = headerIndex + 1; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            if (raw.Trim().Length == 0)
            {
                continue;
            }
            file.DataLines++;
            file.ReadLine(i + 1, Split(raw, file.Separator), map);
        }
        if (file.DataLines == 0)
        {
            file.FileProblem = "Le fichier ne contient aucun mouvement (seulement la ligne d'en-tête).";
        }
        return file;
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (BOM or not), else Windows-1252, the encoding of older exports.</summary>
    private string Decode(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(span);
            EncodingName = "UTF-8";
            return text;
        }
        catch (DecoderFallbackException)
        {
            EncodingName = "Windows-1252";
            return CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetString(span);
        }
    }

    private Dictionary<Column, int> MapHeader(List<string> names)
    {
        var map = new Dictionary<Column, int>();
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            var key = Key(name);
            if (JudicialWords.Any(key.Contains))
            {
                DroppedColumns.Add(name);
            }
            else if (Headers.TryGetValue(key, out var column))
            {
                if (!map.TryAdd(column, i))
                {
                    FileProblem = $"La colonne « {name} » apparaît deux fois dans l'en-tête.";
                    return map;
                }
            }
            else if (key.Length > 0)
            {
                UnknownColumns.Add(name);
            }
        }
        var missing = Required.Where(c => !map.ContainsKey(c)).Select(Label).ToList();
        if (missing.Count > 0)
        {
            FileProblem = $"Colonne(s) obligatoire(s) absente(s) de l'en-tête : {string.Join(", ", missing)}.";
        }
        return map;
    }

    private void ReadLine(int number, List<string> fields, Dictionary<Column, int> map)
    {
        string? Get(Column column) =>
            map.TryGetValue(column, out var index) && index < fields.Count && fields[index].Trim() is { Length: > 0 } value
                ? value
                : null;

        var problems = new List<string>();
        var ecrou = Get(Column.Ecrou);
        if (fields.Count < map.Values.Max() + 1)
        {
            problems.Add($"{fields.Count} colonne(s) au lieu de celles de l'en-tête");
        }
        if (ecrou is null)
        {
            problems.Add("numéro d'écrou manquant");
        }
        else if (ecrou.Length > MaxEcrou)
        {
            problems.Add($"numéro d'écrou trop long ({MaxEcrou} caractères au plus)");
        }
        var lastName = Text(Get(Column.LastName), "nom", MaxName, problems, required: true);
        var birthName = Text(Get(Column.BirthName), "nom de naissance", MaxName, problems, required: false);
        var firstName = Text(Get(Column.FirstName), "prénom", MaxName, problems, required: true);
        var birthDate = Date(Get(Column.BirthDate), "date de naissance", problems, required: true);
        var sex = SexOf(Get(Column.Sex), problems);
        var kind = KindOf(Get(Column.Movement), problems);
        var date = Date(Get(Column.Date), "date du mouvement", problems, required: true);
        var establishment = Text(Get(Column.Establishment), "établissement", MaxEstablishment, problems, required: false);
        var cell = Text(Get(Column.Cell), "cellule", MaxCell, problems, required: false);
        var expected = Date(Get(Column.ExpectedRelease), "date de libération prévue", problems, required: false);
        if (birthDate is { } born && date is { } on && born > on)
        {
            problems.Add("date de naissance postérieure à la date du mouvement");
        }
        if (problems.Count > 0)
        {
            Rejected.Add(new RejectedLine(number, string.Join(" ; ", problems)));
            return;
        }
        Lines.Add(new MovementLine(number, Patient.NormalizeEcrou(ecrou!), lastName!, birthName, firstName!, birthDate!.Value,
            sex!.Value, kind!.Value, date!.Value, establishment, cell, expected));
    }

    private static string? Text(string? value, string what, int max, List<string> problems, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add($"{what} manquant");
            }
            return null;
        }
        if (value.Length > max)
        {
            problems.Add($"{what} trop long ({max} caractères au plus)");
        }
        return value;
    }

    private static DateOnly? Date(string? value, string what, List<string> problems, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                problems.Add($"{what} manquante");
            }
            return null;
        }
        if (DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year >= 1900)
        {
            return date;
        }
        problems.Add($"{what} « {value} » illisible (attendu JJ/MM/AAAA)");
        return null;
    }

    private static Sex? SexOf(string? value, List<string> problems)
    {
        switch (value is null ? "" : Key(value))
        {
            case "m" or "h" or "homme" or "masculin" or "1":
                return Sex.Male;
            case "f" or "femme" or "feminin" or "2":
                return Sex.Female;
            case "i" or "x" or "indetermine":
                return Sex.Undetermined;
            case "":
                problems.Add("sexe manquant");
                return null;
            default:
                problems.Add($"sexe « {value} » inconnu (attendu M, F ou I)");
                return null;
        }
    }

    private static MovementKind? KindOf(string? value, List<string> problems)
    {
        switch (value is null ? "" : Key(value))
        {
            case "arrivee" or "entree" or "arrivant":
                return MovementKind.Arrival;
            case "liberation" or "leveedecrou":
                return MovementKind.Release;
            case "transfertsortant" or "transfertsortie":
                return MovementKind.TransferOut;
            case "transfertentrant" or "transfertentree":
                return MovementKind.TransferIn;
            case "":
                problems.Add("mouvement manquant");
                return null;
            default:
                problems.Add($"mouvement « {value} » inconnu (attendu : arrivée, libération, transfert sortant, transfert entrant)");
                return null;
        }
    }

    private static string Label(Column column) => column switch
    {
        Column.Ecrou => "écrou",
        Column.LastName => "nom",
        Column.FirstName => "prénom",
        Column.BirthDate => "date de naissance",
        Column.Sex => "sexe",
        Column.Movement => "mouvement",
        Column.Date => "date",
        _ => column.ToString(),
    };

    /// <summary>Lower-case, unaccented letters and digits only: « Date de naissance » and « DATE_NAISSANCE » meet.</summary>
    internal static string Key(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    private static int CountOutsideQuotes(string line, char separator)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == separator && !quoted)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>RFC 4180 fields on one line: quotes around a field, "" for a quote inside it.</summary>
    internal static List<string> Split(string line, char separator)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
