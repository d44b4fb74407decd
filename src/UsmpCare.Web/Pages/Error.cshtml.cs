using Microsoft.AspNetCore.Authorization;

namespace UsmpCare.Web.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Erreur";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Message) = code switch
        {
            404 => ("Page introuvable", "Cette adresse ne correspond à aucune page, ou l'élément n'existe pas dans vos unités."),
            403 => ("Accès refusé", "Votre rôle ne donne pas accès à cette page."),
            400 => ("Requête invalide", "La requête n'a pas pu être traitée. Rechargez la page et réessayez."),
            _ => ("Erreur", "Une erreur inattendue s'est produite. Aucune donnée saisie n'a été enregistrée partiellement ; réessayez ou prévenez l'administrateur."),
        };
    }
}
