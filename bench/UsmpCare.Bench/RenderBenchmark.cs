using System.Diagnostics;
using UsmpCare.Documents;

namespace UsmpCare.Bench;

/// <summary>Certificate rendering benchmark (issue « Certificates »: one certificate PDF ≤ 100 ms warm).</summary>
internal static class RenderBenchmark
{
    public static int Run(int iterations)
    {
        var letter = new Letter(
            new Letterhead("USMP de la maison d'arrêt de Villeneuve", "Centre hospitalier de Villeneuve",
                "12 rue des Tilleuls, 94190 Villeneuve", "01 23 45 67 89"),
            "Certificat médical de constatation de coups et blessures",
            ["Remis en main propre à l'intéressé(e)"],
            "Le lundi 23 novembre 2026",
            "MARTIN Nathan, né(e) le 12/03/1990, écrou 24000",
            [
                LetterBlock.Paragraph("Je soussigné(e), Dr Claire Martin, certifie avoir examiné le 23/11/2026 MARTIN Nathan, né(e) le 12/03/1990, détenu(e) à l'établissement, et avoir fait les constatations suivantes :"),
                LetterBlock.Heading("Constatations"),
                LetterBlock.Paragraph("Plaie de l'arcade sourcilière gauche de 2 cm, hématome périorbitaire, ecchymose de l'avant-bras droit de 4 cm sur 3 cm."),
                LetterBlock.Row("Incapacité totale de travail", "3 jour(s), sauf complications"),
                LetterBlock.Paragraph("Certificat établi à la demande de l'intéressé(e) et remis en main propre pour servir et valoir ce que de droit."),
            ],
            ["Dr Claire Martin", "RPPS 10003456789", "USMP de la maison d'arrêt de Villeneuve"]);

        // Warm-up: font loading, licence, JIT.
        for (var i = 0; i < 20; i++)
        {
            PdfRenderer.Render(letter);
        }
        var timings = new double[iterations];
        var bytes = 0;
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = PdfRenderer.Render(letter).Length;
            timings[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(timings);
        double Percentile(double p) => timings[Math.Min(timings.Length - 1, (int)Math.Ceiling(p * timings.Length) - 1)];
        Console.WriteLine($"certificate PDF render, {iterations} runs warm, {bytes} bytes: " +
            $"p50 {Percentile(0.50):0.0} ms, p95 {Percentile(0.95):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {timings[^1]:0.0} ms");
        return 0;
    }
}
