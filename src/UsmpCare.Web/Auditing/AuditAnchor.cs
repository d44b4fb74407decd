namespace UsmpCare.Web.Auditing;

/// <summary>
/// The tail of the chain at a moment: « at;id;seal », one per line in an anchor file. Kept outside the database
/// (another server, a WORM share, the coordinator's paper register), it shows a deletion of the last rows, which the
/// chain alone cannot (ONC 170.315(d)(10), CNIL logging recommendation: integrity of the traces).
/// </summary>
public sealed record AuditAnchor(DateTimeOffset At, long Id, string Hash)
{
    public override string ToString() =>
        string.Join(';', At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Hash);

    /// <summary>Reads an anchor file; a line that is not an anchor is a problem, never silently skipped.</summary>
    public static IReadOnlyList<AuditAnchor> ParseAll(IEnumerable<string> lines, out IReadOnlyList<string> problems)
    {
        var anchors = new List<AuditAnchor>();
        var errors = new List<string>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Trim().Split(';');
            if (parts.Length == 3
                && DateTimeOffset.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                && long.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var id)
                && parts[2].Length == 64 && parts[2].All(Uri.IsHexDigit))
            {
                anchors.Add(new AuditAnchor(at, id, parts[2]));
            }
            else
            {
                errors.Add($"ancre ligne {number} illisible (attendu « date;numéro;sceau »)");
            }
        }
        problems = errors;
        return anchors;
    }
}
