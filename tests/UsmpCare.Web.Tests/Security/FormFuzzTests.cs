using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UsmpCare.Web.Tests.Security;

/// <summary>
/// Bad input always gets a clear refusal and changes nothing. For each role, every page reachable by links from the
/// home page and a patient's chart is visited, every form is collected (POST forms, every button with its own
/// formaction, and the GET filters), and each field is sent missing, empty, overlong and with values out of its set
/// (unknown choice, huge or negative number, implausible date, text where a number is expected, unknown id). No answer
/// may be a server error, a refused post (or any GET) may change no row of the medical and account tables, and no
/// post may end the user's session.
/// Three classes so that xunit runs them side by side, each on its own database: the roles that lead accounts come
/// last in their class, since what they change may stop another role from signing in.
/// </summary>
public abstract class FormFuzz(FormFuzz.Factory app, ITestOutputHelper output)
{
    /// <summary>Re-authentication would ask for the password in every fuzzed post after 10 minutes: kept out of the way.</summary>
    public sealed class Factory : UsmpFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:ReauthMinutes", "600");
        }
    }

    private const int MaxPages = 70;
    private static readonly Regex GuidPattern = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase);

    /// <summary>Links that would end the test's session or switch its unit, and downloads.</summary>
    private static readonly string[] Skipped = ["/Account/Logout", "/Units/Switch"];

    private readonly List<string> _offenders = [];
    private Dictionary<string, string> _fingerprint = [];
    private string? _fingerprintSql;

    protected async Task FuzzAsync(params DemoAccount[] accounts)
    {
        foreach (var account in accounts)
        {
            await FuzzAsync(account);
        }
        _offenders.Should().BeEmpty("bad input must be refused in French, without a server error or any change:\n"
            + string.Join("\n", _offenders.Distinct().Take(80)));
    }

    private async Task FuzzAsync(DemoAccount account)
    {
        var role = account.Role.ToString();
        var client = await app.LoginAsAsync(account);
        var chart = await app.WithDbAsync(db => db.SomaticEntries.Join(db.Units.Where(u => u.Code == DemoData.UnitA),
            e => e.UnitId, u => u.Id, (e, _) => e.PatientId).FirstAsync());
        var pages = await CrawlAsync(client, role, ["/", $"/Patients/Chart/{chart}"]);
        var forms = pages.SelectMany(p => FormsOf(p.Url, p.Document)).DistinctBy(f => f.Shape).ToList();
        forms.Should().NotBeEmpty();
        _fingerprint = await FingerprintAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var posts = 0;

        foreach (var form in forms)
        {
            var token = form.Get ? "" : await TokenAsync(client, form.Page);
            var tries = form.Fields.DistinctBy(f => f.Name).SelectMany(f => VariantsOf(f).Select(v => (f.Name, Value: v)));
            foreach (var (field, variant) in token is null ? [] : tries)
            {
                var fields = form.Fields.Where(f => f.Name != field && f.Posted).Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList();
                if (variant is not null)
                {
                    fields.Add(new(field, variant));
                }
                var what = $"{role}: {(form.Get ? "GET" : "POST")} {Shape(form.Action)} {field}={(variant is null ? "(absent)" : Shown(variant))}";
                // A filter (GET form) is judged like a post: no server error, and it changes nothing.
                var response = form.Get
                    ? await client.GetAsync(form.Action + (form.Action.Contains('?') ? "&" : "?")
                        + await new FormUrlEncodedContent(fields).ReadAsStringAsync())
                    : await client.PostAsync(form.Action, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token!)]));
                posts++;
                if (response.Headers.Location?.OriginalString.StartsWith("/Account/Login", StringComparison.Ordinal) == true)
                {
                    _offenders.Add($"{what}: the session had ended (this post or the one before)");
                    client = await app.LoginAsAsync(account);
                    token = await TokenAsync(client, form.Page);
                    continue;
                }
                await JudgeAsync(client, what, response);
            }
        }
        output.WriteLine($"{role}: {pages.Count} pages, {forms.Count} forms, {posts} posts in {clock.Elapsed.TotalSeconds:0} s: "
            + string.Join(" ", forms.Select(f => Shape(f.Action))));
    }

    private async Task JudgeAsync(HttpClient client, string what, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.TextAsync() : null;
        if (status >= 500)
        {
            _offenders.Add($"{what} -> {status}");
        }
        var succeeded = status is >= 300 and < 400 && !location.Contains("/Account/", StringComparison.Ordinal)
                        || status == 200 && (html is null || SaysDone(html));
        var after = await FingerprintAsync();
        if (!succeeded)
        {
            var changed = after.Where(t => _fingerprint.GetValueOrDefault(t.Key) != t.Value).Select(t => t.Key).ToList();
            if (changed.Count > 0)
            {
                _offenders.Add($"{what} -> {status}, refused but changed {string.Join(", ", changed)}");
            }
        }
        _fingerprint = after;
        if (succeeded && location.StartsWith('/'))
        {
            // Where a browser goes next; it also shows (and so clears) the success message.
            var next = await client.GetAsync(location);
            if ((int)next.StatusCode >= 500)
            {
                _offenders.Add($"{what} -> then GET {Shape(location)} -> {(int)next.StatusCode}");
            }
        }
    }

    /// <summary>A page shown after a post that did something: a success message, or a consultation whose draft was
    /// saved while only its signature was refused (nothing typed is lost).</summary>
    private static bool SaysDone(string html) =>
        html.Contains("role=\"status\"", StringComparison.Ordinal) || html.Contains("Brouillon enregistré", StringComparison.Ordinal);

    /// <summary>The form's antiforgery token, valid for the session's user whatever is posted after.</summary>
    private static async Task<string?> TokenAsync(HttpClient client, string page) =>
        HttpClientExtensions.Parse(await client.GetStringAsync(page))
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");

    /// <summary>The values tried for a field, by what the field holds; null is « the field is not posted ».</summary>
    private static IEnumerable<string?> VariantsOf(FormField field)
    {
        yield return null;
        yield return "";
        yield return new string('x', 10_000);
        var extra = field.Kind switch
        {
            "choice" => ["Inconnu", "99"],
            "id" => ["0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0", "pas-un-identifiant"],
            "number" => ["99999999999999999999", "-1", "abc"],
            "date" => ["0001-01-01", "9999-12-31", "31/02/2026"],
            "datetime-local" => ["0001-01-01T00:00", "9999-12-31T23:59"],
            "time" => ["25:61"],
            _ => Array.Empty<string>(),
        };
        foreach (var value in extra)
        {
            yield return value;
        }
    }

    /// <summary>A field of a form; <c>Posted</c> is false for a box nobody ticked, which a browser does not send.</summary>
    private sealed record FormField(string Name, string Value, string Kind, bool Posted = true);

    private sealed record Form(string Page, string Action, IReadOnlyList<FormField> Fields, bool Get)
    {
        /// <summary>The same form on every row of a table, or on every patient's page, is posted once.</summary>
        public string Shape => (Get ? "GET " : "") + Shape(Action) + " " + string.Join(",", Fields.Select(f => f.Name).Distinct().Order());
    }

    private static IEnumerable<Form> FormsOf(string url, IHtmlDocument document)
    {
        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            var get = !form.Method.Equals("post", StringComparison.OrdinalIgnoreCase);
            var action = Resolve(url, form.GetAttribute("action"));
            if (Skipped.Any(s => action.StartsWith(s, StringComparison.Ordinal)))
            {
                continue;
            }
            var fields = FieldsOf(form).ToList();
            var buttons = form.QuerySelectorAll("button, input[type=submit]").Concat(
                    form.Id is { Length: > 0 } id ? document.QuerySelectorAll($"[form='{id}']") : [])
                .Where(b => b.GetAttribute("type") is null or "submit").ToList();
            var targets = buttons.Where(b => b.HasAttribute("formaction")).ToList();
            if (targets.Count == 0)
            {
                yield return new Form(url, action, [.. fields, .. NamedButton(buttons.FirstOrDefault())], get);
            }
            foreach (var button in targets)
            {
                yield return new Form(url, Resolve(url, button.GetAttribute("formaction")), [.. fields, .. NamedButton(button)], get);
            }
        }
    }

    private static IEnumerable<FormField> NamedButton(IElement? button) =>
        button?.GetAttribute("name") is { Length: > 0 } name ? [new FormField(name, button.GetAttribute("value") ?? "", "choice")] : [];

    private static IEnumerable<FormField> FieldsOf(IHtmlFormElement form)
    {
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || name == "__RequestVerificationToken")
            {
                continue;
            }
            switch (element)
            {
                case IHtmlInputElement input when input.Type is "submit" or "button" or "reset" or "image" or "file":
                    continue;
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    // Posted when ticked; a group is fuzzed once, with its first ticked value as the baseline.
                    if (input.IsChecked)
                    {
                        yield return new FormField(name, input.Value, "choice");
                    }
                    else if (!form.Elements.OfType<IHtmlInputElement>().Any(i => i.Name == name && i.IsChecked))
                    {
                        yield return new FormField(name, input.Value, "choice", Posted: false);
                    }
                    break;
                case IHtmlInputElement input:
                    var kind = input.Type is "number" or "date" or "datetime-local" or "time" ? input.Type
                        : Guid.TryParse(input.Value, out _) ? "id" : "text";
                    yield return new FormField(name, input.Value, kind);
                    break;
                case IHtmlSelectElement select:
                    var chosen = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    yield return new FormField(name, chosen?.Value ?? "", "choice");
                    break;
                case IHtmlTextAreaElement area:
                    yield return new FormField(name, area.Value, "text");
                    break;
            }
        }
    }

    private static string Resolve(string page, string? action)
    {
        if (string.IsNullOrEmpty(action))
        {
            return page;
        }
        return action.StartsWith('?') ? page.Split('?')[0] + action : action;
    }

    /// <summary>Pages reachable by links inside the app, one of each shape (ids and query values left out).</summary>
    private async Task<List<(string Url, IHtmlDocument Document)>> CrawlAsync(HttpClient client, string role, string[] start)
    {
        var queue = new Queue<string>(start);
        var shapes = new HashSet<string>();
        var pages = new List<(string, IHtmlDocument)>();
        while (queue.Count > 0 && pages.Count < MaxPages)
        {
            var url = queue.Dequeue();
            if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal)
                || Skipped.Any(s => url.StartsWith(s, StringComparison.Ordinal)) || !shapes.Add(Shape(url)))
            {
                continue;
            }
            var response = await client.GetAsync(url);
            if ((int)response.StatusCode >= 500)
            {
                _offenders.Add($"{role}: GET {url} -> {(int)response.StatusCode}");
            }
            if (response.Headers.Location?.OriginalString is { } to && !to.StartsWith("/Account/", StringComparison.Ordinal))
            {
                queue.Enqueue(to);
            }
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = HttpClientExtensions.Parse(await response.TextAsync());
            pages.Add((url, document));
            foreach (var link in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                queue.Enqueue(link);
            }
        }
        return pages;
    }

    private static string Shape(string url)
    {
        var parts = GuidPattern.Replace(url, "{id}").Split('?');
        var handler = parts.Length > 1 ? Regex.Match(parts[1], "handler=[^&]*").Value : "";
        var keys = parts.Length > 1 ? string.Join("&", parts[1].Split('&').Select(p => p.Split('=')[0]).Order()) : "";
        return $"{parts[0]}?{handler}|{keys}";
    }

    private static string Shown(string value) => value.Length > 30 ? $"«{value[..10]}…» ({value.Length})" : $"«{value}»";

    /// <summary>
    /// One checksum per table of the medical, consent, document and account data, without the audit trail, the
    /// data-protection keys, the migrations history and the sign-in bookkeeping (stamps, failed counts, code steps).
    /// </summary>
    private async Task<Dictionary<string, string>> FingerprintAsync()
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        _fingerprintSql ??= await FingerprintSqlAsync(connection);
        await using var command = new NpgsqlCommand(_fingerprintSql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var sums = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            sums[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return sums;
    }

    private static async Task<string> FingerprintSqlAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT c.table_schema, c.table_name, string_agg(quote_ident(c.column_name), ', ' ORDER BY c.ordinal_position)
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE t.table_type = 'BASE TABLE'
              AND c.table_schema IN ('auth', 'core', 'somatic', 'psychiatric', 'care', 'consent', 'documents', 'continuity')
              AND c.table_name NOT IN ('data_protection_keys', '__ef_migrations_history')
              AND NOT (c.table_name = 'users' AND c.column_name IN
                  ('security_stamp', 'concurrency_stamp', 'access_failed_count', 'lockout_end', 'last_totp_step'))
            GROUP BY c.table_schema, c.table_name
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
        {
            var table = $"{reader.GetString(0)}.{reader.GetString(1)}";
            parts.Add($"SELECT '{table}', count(*) || ':' || md5(string_agg(md5(row({reader.GetString(2)})::text), '' " +
                      $"ORDER BY md5(row({reader.GetString(2)})::text))) FROM {reader.GetString(0)}.\"{reader.GetString(1)}\"");
        }
        parts.Should().HaveCountGreaterThan(20);
        return string.Join("\nUNION ALL ", parts);
    }
}

public sealed class FormFuzzCareTests(FormFuzz.Factory app, ITestOutputHelper output) : FormFuzz(app, output), IClassFixture<FormFuzz.Factory>
{
    [Fact]
    public Task Care_teams_forms_refuse_bad_input_without_error_or_change() =>
        FuzzAsync(DemoData.Account(Role.Physician), DemoData.Account(Role.Psychiatrist), DemoData.Nurse(Team.Somatic));
}

public sealed class FormFuzzOfficeTests(FormFuzz.Factory app, ITestOutputHelper output) : FormFuzz(app, output), IClassFixture<FormFuzz.Factory>
{
    [Fact]
    public Task Secretariat_and_coordinator_forms_refuse_bad_input_without_error_or_change() =>
        FuzzAsync(DemoData.Account(Role.Secretary), DemoData.Account(Role.Coordinator));
}

public sealed class FormFuzzOutsideCareTests(FormFuzz.Factory app, ITestOutputHelper output) : FormFuzz(app, output), IClassFixture<FormFuzz.Factory>
{
    [Fact]
    public Task Prison_spip_and_administrator_forms_refuse_bad_input_without_error_or_change() =>
        FuzzAsync(DemoData.Account(Role.PrisonAdministration), DemoData.Account(Role.Spip), DemoData.Account(Role.Administrator));
}
