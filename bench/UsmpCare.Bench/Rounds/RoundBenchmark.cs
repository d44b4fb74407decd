using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Bench.Pages;
using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;
using UsmpCare.Web.Data;

namespace UsmpCare.Bench.Rounds;

/// <summary>
/// Issue #20: the distribution round at the nurse's pace. A wing of MA-VIL gets <c>patients</c> present patients, each
/// with a signed morning line; the demo nurse then records every dose through the round page exactly as her keyboard
/// does (the focused dose's form, « D » then Enter: one POST, then the page again) — an HTTP-level driver, no browser,
/// so the human keystrokes are not counted. Then the round list alone is requested <c>samples</c> times for its p95.
/// </summary>
public static partial class RoundBenchmark
{
    [GeneratedRegex("class=\"dose-form\".*?name=\"PatientId\" value=\"([^\"]+)\".*?name=\"PrescriptionId\" value=\"([^\"]+)\".*?name=\"Line\" value=\"(\\d+)\"",
        RegexOptions.Singleline)]
    private static partial Regex PendingDose();

    public static async Task<int> RunAsync(Dictionary<string, string> options, TextWriter log)
    {
        var connection = Cli.Required(options, "connection");
        var count = int.Parse(options.GetValueOrDefault("patients", "40"), CultureInfo.InvariantCulture);
        var samples = int.Parse(options.GetValueOrDefault("samples", "200"), CultureInfo.InvariantCulture);
        var appDll = options.GetValueOrDefault("app") ?? BenchmarkOptions.From(new() { ["connection"] = connection }).AppDll;
        var wing = $"Bâtiment BENCH {DateTime.UtcNow:HHmmss}";
        await SeedWingAsync(connection, wing, count);

        await using var app = await AppProcess.StartAsync(appDll, connection,
            int.Parse(options.GetValueOrDefault("port", "5095"), CultureInfo.InvariantCulture), Environment.GetEnvironmentVariable("Audit__Key"));
        var nurse = (await Client.SignInAsync(app.BaseUrl, DemoData.Nurse(Team.Somatic).Email, 1))[0];
        var url = $"/Treatments/Round?wing={Uri.EscapeDataString(wing)}&slot=Morning";

        var total = Stopwatch.StartNew();
        var html = await nurse.Http.GetStringAsync(app.BaseUrl + url);
        var recorded = 0;
        while (PendingDose().Match(html) is { Success: true } dose)
        {
            using var post = await nurse.PostAsync("/Treatments/Round?handler=Record", url, new Dictionary<string, string>
            {
                ["Wing"] = wing, ["Slot"] = "Morning", ["PatientId"] = dose.Groups[1].Value,
                ["PrescriptionId"] = dose.Groups[2].Value, ["Line"] = dose.Groups[3].Value, ["Outcome"] = "Given",
            });
            if (post.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"dose {recorded + 1} refused: {(int)post.StatusCode}");
            }
            recorded++;
            html = await nurse.Http.GetStringAsync(app.BaseUrl + url);
        }
        total.Stop();
        if (recorded != count)
        {
            throw new InvalidOperationException($"{recorded} doses recorded, {count} expected");
        }

        var timings = new List<double>();
        for (var i = 0; i < samples; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await nurse.Http.GetAsync(app.BaseUrl + url);
            await response.Content.ReadAsStringAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }
        timings.Sort();
        double Percentile(double p) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];
        log.WriteLine($"round of {recorded} patients recorded (HTTP driver, one POST + one GET per dose): {total.Elapsed.TotalSeconds:0.0} s, " +
                      $"{total.Elapsed.TotalMilliseconds / recorded:0} ms per dose");
        log.WriteLine($"round list ({count} rows, {samples} requests): p50 {Percentile(0.50):0.0} ms, p95 {Percentile(0.95):0.0} ms, max {timings[^1]:0.0} ms");
        return 0;
    }

    /// <summary>The wing's patients and their signed morning line, as the demo physician prescribes them.</summary>
    private static async Task SeedWingAsync(string connection, string wing, int count)
    {
        await using var db = new AppDbContext(((DbContextOptionsBuilder<AppDbContext>)Database.Configure(
            new DbContextOptionsBuilder<AppDbContext>(), connection)).Options);
        var unitId = await db.Units.Where(u => u.Code == DemoData.UnitA).Select(u => u.Id).SingleAsync();
        var physician = await db.Users.SingleAsync(u => u.Email == DemoData.Account(Role.Physician).Email);
        var drug = await db.Drugs.SingleAsync(d => d.Cis == "99000002");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTimeOffset.UtcNow;
        var stamp = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
        {
            var patient = new Patient(unitId, $"BR{stamp}{i:D3}", $"BANC{i:D3}", "Paul", today.AddYears(-30), Sex.Male, today.AddDays(-20));
            patient.PlaceIn($"BR-{100 + i}", wing);
            db.Patients.Add(patient);
            var prescription = Prescription.Draft(patient.Id, unitId, Team.Somatic,
                new Prescriber(physician.Id, "Dr " + physician.DisplayName, physician.Rpps), now);
            prescription.AddLine(PrescriptionLine.Create(new LineRequest(drug.Cis, null, 1, "comprimé(s)", DoseTimes.Morning, null, false,
                null, today.AddDays(-1), 14, null, DistributionMode.Daily, null), drug, DistributionMode.Daily), [], patient.Allergies);
            prescription.Sign(now, false);
            db.Prescriptions.Add(prescription);
        }
        await db.SaveChangesAsync();
    }
}
