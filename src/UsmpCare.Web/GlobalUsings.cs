// The namespaces nearly every page and area file opened by hand (issue 18: one way, no copied headers). A namespace
// belongs here only when most of the project uses it; the rest stay as usings in the files that need them.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using UsmpCare.Domain.Security;
global using UsmpCare.Web.Authorization;
global using UsmpCare.Web.Data;
global using UsmpCare.Web.Infrastructure;
