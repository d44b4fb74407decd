using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using UsmpCare.Domain;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// Every posted choice is checked against its allowed set, and a request whose values could not be bound changes
/// nothing: model binding defaults are not a value the user chose (an empty team posted on /Staff used to bind to
/// the first team, and moved a psychiatrist into the somatic team — a P30 wall bypass through an input error).
/// </summary>
public static class InputValidation
{
    /// <summary>Dates outside this range are typing errors, and overflow PostgreSQL or .NET date arithmetic.</summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static void AddInputValidation(this MvcOptions options)
    {
        options.ModelBinderProviders.Insert(0, new StrictEnumBinderProvider());
        options.ModelBinderProviders.Insert(0, new CheckedValueBinderProvider(options.ModelBinderProviders));
        options.ModelMetadataDetailsProviders.Add(new EmptyStringStaysEmpty());
        // The implicit [Required] of non-nullable strings speaks English and duplicates the pages' own French checks.
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        // Outside the audit filter: a refused request read and wrote nothing.
        options.Filters.Add(new RefuseInvalidInputFilter());
        // Inside the audit filter: a post refused by a domain rule is still recorded as the write it attempted.
        options.Filters.Add(new ShowDomainErrorsFilter());
    }

    /// <summary>What was typed, shortened so an overlong value does not fill the page.</summary>
    internal static string Shown(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private sealed class StrictEnumBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType.IsEnum ? new StrictEnumBinder() : null;
    }

    /// <summary>
    /// An enum value is one of its defined names (or their numbers): an unknown or combined value is an error, never
    /// the enum's default. Empty means « none » for a nullable enum, and is an error otherwise; a handler's enum
    /// parameter is required.
    /// </summary>
    private sealed class StrictEnumBinder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var metadata = context.ModelMetadata;
            var posted = context.ValueProvider.GetValue(context.ModelName);
            if (posted == ValueProviderResult.None)
            {
                if (metadata.MetadataKind == ModelMetadataKind.Parameter && !metadata.IsReferenceOrNullableType)
                {
                    context.ModelState.TryAddModelError(context.ModelName, "Choisissez une valeur dans la liste proposée.");
                }
                return Task.CompletedTask;
            }
            context.ModelState.SetModelValue(context.ModelName, posted);
            var value = posted.FirstValue;
            var type = metadata.UnderlyingOrModelType;
            if (string.IsNullOrWhiteSpace(value))
            {
                if (metadata.IsReferenceOrNullableType)
                {
                    context.Result = ModelBindingResult.Success(null);
                }
                else
                {
                    context.ModelState.TryAddModelError(context.ModelName, "Choisissez une valeur dans la liste proposée.");
                }
            }
            // « A,B » is one value for Enum.TryParse (the two flags combined): never a choice of a list.
            else if (!value.Contains(',') && Enum.TryParse(type, value, ignoreCase: false, out var parsed) && Enum.IsDefined(type, parsed))
            {
                context.Result = ModelBindingResult.Success(parsed);
            }
            else
            {
                context.ModelState.TryAddModelError(context.ModelName,
                    $"La valeur « {Shown(value)} » ne fait pas partie des choix proposés.");
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>Dates and booleans are parsed as before, then checked (see <see cref="CheckedValueBinder"/>).</summary>
    private sealed class CheckedValueBinderProvider(IList<IModelBinderProvider> providers) : IModelBinderProvider
    {
        private static readonly Type[] Checked = [typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset), typeof(bool)];

        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            if (!Checked.Contains(context.Metadata.UnderlyingOrModelType))
            {
                return null;
            }
            var inner = providers.Where(p => p != this).Select(p => p.GetBinder(context)).First(b => b is not null)!;
            return new CheckedValueBinder(inner);
        }
    }

    /// <summary>
    /// Dates outside 1900–2100 are refused. A box posted with neither « true » nor « false » is refused and forgotten:
    /// the page showing the error would otherwise fail to tick the box from that value (a 500).
    /// </summary>
    private sealed class CheckedValueBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (context.ModelMetadata.UnderlyingOrModelType == typeof(bool)
                && context.ModelState.GetFieldValidationState(context.ModelName) == ModelValidationState.Invalid)
            {
                context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: null);
                return;
            }
            var day = context.Result.Model switch
            {
                DateOnly d => d,
                DateTime t => DateOnly.FromDateTime(t),
                DateTimeOffset o => DateOnly.FromDateTime(o.DateTime),
                _ => (DateOnly?)null,
            };
            if (context.Result.IsModelSet && day is { } value && (value < Earliest || value > Latest))
            {
                context.ModelState.TryAddModelError(context.ModelName,
                    $"La date {Fr.Date(value)} n'est pas plausible : saisissez une date entre {Earliest.Year} et {Latest.Year}.");
                context.Result = ModelBindingResult.Failed();
            }
        }
    }

    /// <summary>
    /// A non-nullable string posted empty stays "", instead of the null model binding puts there by default and
    /// the compiler does not expect.
    /// </summary>
    private sealed class EmptyStringStaysEmpty : IDisplayMetadataProvider
    {
        private static readonly NullabilityInfoContext Nullability = new();

        public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
        {
            if (context.Key.ModelType != typeof(string))
            {
                return;
            }
            var state = context.Key.PropertyInfo is { } property
                ? Nullability.Create(property).WriteState
                : context.Key.ParameterInfo is { } parameter ? Nullability.Create(parameter).WriteState : NullabilityState.Unknown;
            if (state == NullabilityState.NotNull)
            {
                context.DisplayMetadata.ConvertEmptyStringToNull = false;
            }
        }
    }
}

/// <summary>
/// A page that shows the binding errors itself, with what was typed, and saves nothing while <c>ModelState</c> is
/// invalid. On a class it covers every handler; on a handler method, that handler only.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ShowsInputErrorsAttribute : Attribute;

/// <summary>
/// The one place where bad input is refused before a handler runs: a value that could not be bound (unknown choice,
/// implausible date, text where a number is expected...) gives a short French 400 page listing the problems, unless
/// the page shows them itself (<see cref="ShowsInputErrorsAttribute"/>); a request naming no handler of the page (a
/// POST to a page without OnPost, an unknown <c>?handler=</c>) gives a 405 or a 400 instead of the view rendered
/// without the data its handler loads.
/// </summary>
public sealed class RefuseInvalidInputFilter : IAsyncPageFilter, IOrderedFilter
{
    public int Order => -1;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var reading = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        if (context.HandlerMethod is null && (!reading || context.ActionDescriptor.HandlerMethods.Count > 0))
        {
            context.Result = reading
                ? Refusal(StatusCodes.Status400BadRequest, ["Cette page n'a pas l'action demandée."])
                : Refusal(StatusCodes.Status405MethodNotAllowed, ["Ce formulaire ne correspond à aucune action de la page : rien n'a été enregistré."]);
            return;
        }
        if (!context.ModelState.IsValid && !ShowsErrorsItself(context))
        {
            context.Result = Refusal(StatusCodes.Status400BadRequest,
                [.. context.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).Distinct()]);
            return;
        }
        await next();
    }

    private static bool ShowsErrorsItself(PageHandlerExecutingContext context) =>
        context.HandlerInstance.GetType().IsDefined(typeof(ShowsInputErrorsAttribute))
        || context.HandlerMethod?.MethodInfo.IsDefined(typeof(ShowsInputErrorsAttribute)) == true;

    private static ContentResult Refusal(int status, IReadOnlyList<string> problems)
    {
        var html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        var items = string.Concat(problems.Select(p => $"<li>{html.Encode(p)}</li>"));
        return new ContentResult
        {
            StatusCode = status,
            ContentType = "text/html; charset=utf-8",
            Content = $"""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Saisie refusée — UsmpCare</title></head>
                <body><h1>Saisie refusée</h1><div role="alert"><ul>{items}</ul></div><p>Rien n'a été enregistré. Revenez à la page
                précédente, corrigez la saisie et recommencez.</p><p><a href="/">Retour à l'accueil</a></p></body></html>
                """,
        };
    }
}

/// <summary>
/// A page whose view needs what its GET loads and its POST handlers do not: reloaded before a post refused by a domain
/// rule is shown again (<see cref="ShowDomainErrorsFilter"/>).
/// </summary>
public interface IReloadsAfterRefusal
{
    Task ReloadAsync();
}

/// <summary>
/// The one way a domain rule's refusal reaches the user: a <see cref="DomainException"/> thrown by a POST handler
/// becomes the page's model-state errors (shown by the partial <c>_Alerts</c>), what the handler changed in the
/// DbContext is forgotten (a refused change is never saved later in the request), and the page is shown again with
/// what was typed, after <see cref="IReloadsAfterRefusal.ReloadAsync"/> where the page needs it. A GET that throws
/// stays a server error: its view would lack what the handler did not load.
/// </summary>
public sealed class ShowDomainErrorsFilter : IAsyncPageFilter, IOrderedFilter
{
    public int Order => 1;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var method = context.HttpContext.Request.Method;
        if (executed.Exception is not DomainException refusal || executed.ExceptionHandled
            || HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return;
        }
        foreach (var problem in refusal.Problems)
        {
            context.ModelState.AddModelError("", problem);
        }
        context.HttpContext.RequestServices.GetRequiredService<AppDbContext>().ChangeTracker.Clear();
        if (context.HandlerInstance is IReloadsAfterRefusal page)
        {
            await page.ReloadAsync();
        }
        executed.Result = new PageResult();
        // Cleared, not only marked handled: the audit filter outside records a write only when no exception is left.
        executed.Exception = null;
        executed.ExceptionHandled = true;
    }
}
