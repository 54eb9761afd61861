using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Stayfull.Domain.Data;
using Stayfull.Domain.Demo;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Web.Startup;

public static class StartupExtensions
{
    /// <summary>Migrates the database and, on a fresh embedded database, seeds the demo hotel and its staff.</summary>
    public static async Task InitializeStayfullAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStart)
        {
            await app.Services.GetRequiredService<DatabaseInitializer>().MigrateAsync(app.Lifetime.ApplicationStopping);
        }

        var seeder = app.Services.GetRequiredService<DemoHotelSeeder>();
        if (options.SeedDemoData && await seeder.IsEmptyAsync(app.Lifetime.ApplicationStopping))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var ids = new Dictionary<StaffRole, string>
            {
                [StaffRole.Owner] = await EnsureUserAsync(users, DemoHotel.OwnerEmail, "Olivia Owner"),
                [StaffRole.Manager] = await EnsureUserAsync(users, DemoHotel.ManagerEmail, "Marco Manager"),
                [StaffRole.FrontDesk] = await EnsureUserAsync(users, DemoHotel.FrontDeskEmail, "Fiona Front Desk"),
                [StaffRole.Housekeeping] = await EnsureUserAsync(users, DemoHotel.HousekeepingEmail, "Hugo Housekeeping"),
            };
            if (await seeder.SeedIfEmptyAsync(ids, app.Lifetime.ApplicationStopping))
            {
                app.Logger.LogInformation("Seeded the demo hotel '{Hotel}'; sign in as {Email}", DemoHotel.Name, DemoHotel.FrontDeskEmail);
            }
        }
    }

    private static async Task<string> EnsureUserAsync(UserManager<StaffUser> users, string email, string displayName)
    {
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            return existing.Id;
        }

        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, DemoHotel.Password);
        return result.Succeeded
            ? user.Id
            : throw new InvalidOperationException("Could not create a demo user: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
