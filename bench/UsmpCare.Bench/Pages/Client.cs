using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;

namespace UsmpCare.Bench.Pages;

/// <summary>One signed-in browser: its cookies, and the antiforgery tokens of the forms it has opened.</summary>
internal sealed partial record Client(HttpClient Http, string Base, ConcurrentDictionary<string, string> Tokens, CookieContainer Cookies)
{
    public const string Password = UsmpCare.Web.Data.DemoData.Password;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    /// <summary>Each account's sign-in cookies, obtained once: a TOTP code is accepted once per account (replay guard).</summary>
    private static readonly ConcurrentDictionary<string, CookieCollection> Sessions = new(StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="count"/> browsers of one account. The account signs in once, through the login form and the
    /// second-factor page (its code computed from the demo accounts' published key, as an authenticator app would);
    /// the others are copies of that session's cookies — valid on every instance, the data-protection keys being
    /// shared through the database.
    /// </summary>
    public static async Task<List<Client>> SignInAsync(string baseUrl, string email, int count)
    {
        if (!Sessions.TryGetValue(email, out var cookies))
        {
            var first = New(baseUrl);
            await first.SignInAsync(email);
            cookies = Sessions.GetOrAdd(email, first.Cookies.GetAllCookies());
        }
        var clients = new List<Client>();
        for (var i = 0; i < count; i++)
        {
            var client = New(baseUrl);
            foreach (Cookie cookie in cookies)
            {
                client.Cookies.Add(new Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
            }
            clients.Add(client);
        }
        return clients;
    }

    private static Client New(string baseUrl)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        }) { Timeout = TimeSpan.FromSeconds(30) };
        return new Client(http, baseUrl, new ConcurrentDictionary<string, string>(StringComparer.Ordinal), cookies);
    }

    /// <summary>The login form, then the second-factor page, as a browser fills them.</summary>
    public async Task SignInAsync(string email)
    {
        var token = await TokenAsync("/Account/Login");
        using var response = await Http.PostAsync($"{Base}/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        var next = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode == HttpStatusCode.Redirect && next.StartsWith("/Account/Code", StringComparison.Ordinal))
        {
            // Clinical roles, the coordinator and the administrator give a TOTP code (ADR 0010).
            var codeToken = await TokenAsync("/Account/Code", remember: false);
            using var coded = await Http.PostAsync($"{Base}/Account/Code", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Code"] = UsmpCare.Web.Accounts.Totp.Code(UsmpCare.Web.Data.DemoData.TotpKey,
                    UsmpCare.Web.Accounts.Totp.StepAt(DateTimeOffset.UtcNow)),
                ["__RequestVerificationToken"] = codeToken,
            }));
            next = coded.Headers.Location?.OriginalString ?? $"{(int)coded.StatusCode}";
        }
        if (response.StatusCode != HttpStatusCode.Redirect || next.Contains("/Account/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"sign-in of {email} failed: {(int)response.StatusCode} {next}");
        }
    }

    /// <summary>A form's antiforgery token, fetched once per form and client (it stays valid for the session).</summary>
    public async Task<string> TokenAsync(string formUrl, bool remember = true)
    {
        if (Tokens.TryGetValue(formUrl, out var token))
        {
            return token;
        }
        var html = await Http.GetStringAsync(Base + formUrl);
        token = TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"no antiforgery token on {formUrl}");
        if (remember && formUrl != "/Account/Login")
        {
            Tokens[formUrl] = token;
        }
        return token;
    }

    public async Task<HttpResponseMessage> PostAsync(string url, string formUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(formUrl);
        return await Http.PostAsync(Base + url, new FormUrlEncodedContent(fields));
    }
}
