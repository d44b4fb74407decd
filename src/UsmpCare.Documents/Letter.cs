namespace UsmpCare.Documents;

/// <summary>The unit's letterhead: printed at the top and, with its phone number, at the foot of every page (P15).</summary>
public sealed record Letterhead(string UnitName, string ReferenceHospital, string Address, string Phone);

/// <summary>
/// A letter as a document model: the same model is rendered to PDF and to the HTML preview, so what the physician
/// previews is what leaves.
/// </summary>
public sealed record Letter(
    Letterhead Letterhead,
    string Title,
    IReadOnlyList<string> Recipient,
    string PlaceAndDate,
    string? Subject,
    IReadOnlyList<LetterBlock> Body,
    IReadOnlyList<string> Signature,
    string? Confidentiality = "Pli confidentiel — secret médical");

/// <summary>A heading, a paragraph, a row of a two-column table (label, value), or a signature zone of a letter's body.</summary>
public sealed record LetterBlock(string Text, bool IsHeading = false, string? Label = null, bool IsPageBreak = false,
    bool IsSignature = false)
{
    /// <summary>
    /// Who signs this part, one line each (name, RPPS), above an empty space to sign in: a page that prescribes
    /// carries its prescriber's, whatever page the letter's own signature falls on.
    /// </summary>
    public static LetterBlock SignatureZone(params string[] lines) => new(string.Join('\n', lines), IsSignature: true);

    /// <summary>Starts the next part of a pack on a new page.</summary>
    public static LetterBlock PageBreak() => new("", IsPageBreak: true);

    public static LetterBlock Heading(string text) => new(text, IsHeading: true);

    public static LetterBlock Paragraph(string text) => new(text);

    public static LetterBlock Row(string label, string value) => new(value, Label: label);
}
