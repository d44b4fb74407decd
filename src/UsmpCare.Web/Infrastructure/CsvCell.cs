namespace UsmpCare.Web.Infrastructure;

/// <summary>One cell of a « ; » CSV opened by a French spreadsheet.</summary>
public static class CsvCell
{
    /// <summary>Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula (OWASP CSV injection).</summary>
    public static string Escape(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
