using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Stayfull.Domain.Common;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Web.Auth;

/// <summary>The outcome of adding someone: a new account comes with a password shown to the owner once.</summary>
public sealed record StaffAccountResult(string UserId, string Email, bool Created, string? InitialPassword);

/// <summary>
/// Adds a person to the current hotel's staff by email: an existing account gets the role,
/// otherwise an account is opened with a random initial password the owner passes on.
/// </summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, StaffDirectory directory, ICurrentStaff currentStaff)
{
    public async Task<StaffAccountResult> AddAsync(string email, string displayName, StaffRole role, CancellationToken cancellationToken)
    {
        // Checked here too, so a refused request never leaves a new account behind.
        (await currentStaff.GetAsync(cancellationToken)).Require(StaffRole.Owner, "manage staff");
        var address = (email ?? "").Trim();
        if (address.Length == 0)
        {
            throw ValidationException.For("email", "Enter the person's email address.");
        }

        if (await users.FindByEmailAsync(address) is { } existing)
        {
            await directory.GrantAsync(existing.Id, role, cancellationToken);
            return new StaffAccountResult(existing.Id, address, Created: false, InitialPassword: null);
        }

        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw ValidationException.For("displayName", "Enter the person's name; they have no account yet.");
        }

        var user = new StaffUser { UserName = address, Email = address, DisplayName = displayName.Trim() };
        var password = InitialPassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw IdentityErrors.ToValidation(created);
        }

        try
        {
            await directory.GrantAsync(user.Id, role, cancellationToken);
        }
        catch
        {
            await users.DeleteAsync(user);
            throw;
        }

        return new StaffAccountResult(user.Id, address, Created: true, password);
    }

    /// <summary>Fourteen characters with every class Identity asks for; look-alike characters left out so it can be read aloud.</summary>
    internal static string InitialPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string digits = "23456789";
        const string symbols = "!#$%*+-=?@";
        const string all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            RandomNumberGenerator.GetItems<char>(upper, 1)[0],
            RandomNumberGenerator.GetItems<char>(lower, 1)[0],
            RandomNumberGenerator.GetItems<char>(digits, 1)[0],
            RandomNumberGenerator.GetItems<char>(symbols, 1)[0],
        };
        chars.AddRange(RandomNumberGenerator.GetItems<char>(all, 10));
        var result = chars.ToArray();
        RandomNumberGenerator.Shuffle<char>(result);
        return new string(result);
    }
}
