using System.Globalization;
using System.Net;
using System.Text;

namespace UsmpCare.Web.Reports;

/// <summary>
/// Bar charts drawn in the page as inline SVG (no script, no CDN, CSP-safe). Each chart is an image with a title for
/// screen readers; the page shows the same figures in a table next to it.
/// </summary>
public static class SvgChart
{
    public static string Bars(string id, string title, IReadOnlyList<(string Label, double Value)> bars, string unit = "")
    {
        const int width = 560, height = 200, left = 36, bottom = 36, top = 12;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Value));
        var slot = bars.Count == 0 ? 0 : (double)(width - left - 8) / bars.Count;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" width=\"100%\" height=\"{height}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{WebUtility.HtmlEncode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - 4}\" y2=\"{height - bottom}\" class=\"axis\" />");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{top + 8}\" class=\"tick\">{Format(max)}{WebUtility.HtmlEncode(unit)}</text>");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var h = (height - bottom - top) * value / max;
            var x = left + i * slot + slot * 0.15;
            var y = height - bottom - h;
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{slot * 0.7:0.#}\" height=\"{h:0.#}\" class=\"bar\"><title>{WebUtility.HtmlEncode(label)} : {Format(value)}{WebUtility.HtmlEncode(unit)}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + slot * 0.35:0.#}\" y=\"{height - bottom + 14}\" class=\"tick\" text-anchor=\"middle\">{WebUtility.HtmlEncode(label)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Format(double value) => value.ToString(value % 1 == 0 ? "0" : "0.0", CultureInfo.GetCultureInfo("fr-FR"));
}
