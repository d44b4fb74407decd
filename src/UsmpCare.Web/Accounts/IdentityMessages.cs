using Microsoft.AspNetCore.Identity;

namespace UsmpCare.Web.Accounts;

/// <summary>Identity's error codes, said in French.</summary>
public static class IdentityMessages
{
    public static string French(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => "Le mot de passe doit compter au moins 12 caractères.",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            "Cette adresse électronique est déjà utilisée par un compte.",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) =>
            "Cette adresse électronique n'est pas valide.",
        nameof(IdentityErrorDescriber.PasswordMismatch) => "Mot de passe incorrect.",
        "CommonPassword" => error.Description,
        _ => "Le compte n'a pas pu être enregistré : " + error.Description,
    };
}
