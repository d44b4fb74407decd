namespace UsmpCare.Web.Tests.Infrastructure;

/// <summary>
/// Identifiers that tests create, unique by construction: a letter naming the family, a per-run prefix, then a
/// process-wide counter. Random numbers collided now and then (an écrou is unique within a unit, a unit code overall).
/// </summary>
public static class Unique
{
    // Within a run the counter alone is unique; the prefix keeps two runs apart on a database that outlives one.
    private static readonly string Run = Base36((int)((uint)Environment.ProcessId % (36 * 36 * 36)));
    private static int _counter;

    /// <summary>« T3KQ000042 »: ten characters, within the écrou's twenty, upper case as <c>Patient.NormalizeEcrou</c> keeps it.</summary>
    public static string Ecrou(char family) => $"{family}{Run}{Interlocked.Increment(ref _counter):D6}";

    /// <summary>A unit code such as « KNOWN3KQ000043 », within the code's twenty characters.</summary>
    public static string UnitCode(string family) => $"{family}{Run}{Interlocked.Increment(ref _counter):D6}";

    private static string Base36(int value)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        return string.Concat(digits[value / (36 * 36)], digits[value / 36 % 36], digits[value % 36]);
    }
}
