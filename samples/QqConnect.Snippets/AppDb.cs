using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace QqConnect.Snippets;

/// <summary>The application's Identity database that docs/aspnetcore.md's "ASP.NET Core Identity" block names.</summary>
internal sealed class AppDb(DbContextOptions<AppDb> options) : IdentityDbContext(options);
