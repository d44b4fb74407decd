using System.Reflection;
using Microsoft.AspNetCore.Identity;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Accounts;

/// <summary>
/// ASVS V2.1.7 / CNIL 2022: a password built on a common word (« Azerty123456! », « motdepasse2026 ») or on the user's
/// own name is refused, whatever its length. The list ships with the app (Accounts/common-passwords.txt).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    private static readonly Lazy<HashSet<string>> Common = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("UsmpCare.Web.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }
        return words;
    });

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var core = Core(password ?? "");
        var personal = new[] { user.FirstName, user.LastName, user.Email?.Split('@')[0] }
            .Select(w => PatientSearch.Normalize(w).Replace(" ", "")).Where(w => w.Length >= 3);
        var refused = core.Length == 0 || Common.Value.Contains(core) || IsRepetition(core)
                      || personal.Any(w => core.Contains(w, StringComparison.Ordinal));
        return Task.FromResult(refused
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Ce mot de passe est trop courant ou reprend votre nom : choisissez une phrase que personne ne devinerait.",
            })
            : IdentityResult.Success);
    }

    /// <summary>Lower case, no accents, no leading or trailing digits and symbols: « Azerty2026! » → « azerty ».</summary>
    public static string Core(string password)
    {
        var normalized = PatientSearch.Normalize(password).Replace(" ", "");
        return normalized.Trim("0123456789!?.,;:-_@#$%&*+=/\\'\"()[]{}<>~^".ToCharArray());
    }

    /// <summary>« aaaaaaaaaaaa », « abcabcabcabc », « 121212121212 »: one short pattern repeated.</summary>
    private static bool IsRepetition(string text)
    {
        for (var size = 1; size <= text.Length / 2; size++)
        {
            if (text.Length % size == 0 && text == string.Concat(Enumerable.Repeat(text[..size], text.Length / size)))
            {
                return true;
            }
        }
        return Common.Value.Any(word => word.Length >= 4 && text.Replace(word, "").Length == 0);
    }
}
