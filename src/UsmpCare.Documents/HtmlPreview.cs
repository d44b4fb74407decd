using System.Net;
using System.Text;

namespace UsmpCare.Documents;

/// <summary>
/// The HTML preview of a letter, from the same model as the PDF: what the physician reads before issuing is what
/// leaves (P25). Words to fix are wrapped in &lt;mark&gt;.
/// </summary>
public static class HtmlPreview
{
    public static string Render(Letter letter, IReadOnlyCollection<string>? highlight = null)
    {
        string E(string text) => Mark(WebUtility.HtmlEncode(FrenchTypography.Apply(text)), highlight);
        var html = new StringBuilder("<article class=\"preview\" aria-label=\"Aperçu du document\">");
        html.Append("<header><strong>").Append(E(letter.Letterhead.UnitName)).Append("</strong><br>")
            .Append(E(letter.Letterhead.ReferenceHospital)).Append("<br>").Append(E(letter.Letterhead.Address))
            .Append("<br>Tél. ").Append(E(letter.Letterhead.Phone)).Append("</header>");
        if (letter.Confidentiality is { } confidential)
        {
            html.Append("<p><strong>").Append(E(confidential)).Append("</strong></p>");
        }
        html.Append("<p class=\"recipient\">").AppendJoin("<br>", letter.Recipient.Select(E)).Append("</p>");
        html.Append("<p class=\"recipient\">").Append(E(letter.PlaceAndDate)).Append("</p>");
        html.Append("<h3>").Append(E(letter.Title)).Append("</h3>");
        if (letter.Subject is { } subject)
        {
            html.Append("<p><strong>Objet : ").Append(E(subject)).Append("</strong></p>");
        }
        var inTable = false;
        foreach (var block in letter.Body)
        {
            if (block.IsPageBreak)
            {
                if (inTable)
                {
                    html.Append("</table>");
                    inTable = false;
                }
                html.Append("<hr>");
                continue;
            }
            if (block.Label is not null != inTable)
            {
                html.Append(inTable ? "</table>" : "<table class=\"data\">");
                inTable = !inTable;
            }
            if (block.Label is { } label)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(block.Text)).Append("</td></tr>");
            }
            else if (block.IsSignature)
            {
                html.Append("<p class=\"recipient\">").Append(E(block.Text).Replace("\n", "<br>")).Append("<br>Signature :</p>");
            }
            else
            {
                html.Append(block.IsHeading ? "<h4>" : "<p>").Append(E(block.Text).Replace("\n", "<br>"))
                    .Append(block.IsHeading ? "</h4>" : "</p>");
            }
        }
        if (inTable)
        {
            html.Append("</table>");
        }
        html.Append("<p class=\"recipient\">").AppendJoin("<br>", letter.Signature.Where(s => s.Length > 0).Select(E)).Append("</p>");
        html.Append("<footer>").Append(E($"{letter.Letterhead.UnitName} — {letter.Letterhead.Address} — Tél. {letter.Letterhead.Phone}"))
            .Append("</footer></article>");
        return html.ToString();
    }

    /// <summary>The plain text of a letter: what the register shows of what left.</summary>
    public static string PlainText(Letter letter) => string.Join("\n",
        new[] { letter.Title, letter.Subject ?? "" }
            .Concat(letter.Body.Select(b => b.Label is null ? b.Text : $"{b.Label} : {b.Text}"))
            .Where(t => t.Length > 0)
            .Select(FrenchTypography.Apply));

    private static string Mark(string encoded, IReadOnlyCollection<string>? words)
    {
        if (words is null)
        {
            return encoded;
        }
        foreach (var word in words.Where(w => w.Length >= 3))
        {
            encoded = System.Text.RegularExpressions.Regex.Replace(encoded,
                System.Text.RegularExpressions.Regex.Escape(WebUtility.HtmlEncode(word)), m => $"<mark>{m.Value}</mark>",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        }
        return encoded;
    }
}
