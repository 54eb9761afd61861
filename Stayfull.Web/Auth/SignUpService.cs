using Microsoft.AspNetCore.Identity;
using Stayfull.Domain.Common;
using Stayfull.Domain.Hotels;

namespace Stayfull.Web.Auth;

/// <summary>What a person signing up gives us: who they are, and the hotel they run.</summary>
public sealed record SignUpRequest(string OwnerName, string Email, string Password, OnboardingRequest Hotel);

/// <summary>
/// Sign-up: opens the owner's account, then creates their hotel. Both or neither: when the hotel
/// cannot be created the fresh account is deleted, so a retry with the same email works.
/// </summary>
public sealed class SignUpService(UserManager<StaffUser> users, HotelOnboarding onboarding)
{
    public async Task<Hotel> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken)
    {
        var name = (request.OwnerName ?? "").Trim();
        var email = (request.Email ?? "").Trim();
        var errors = new Dictionary<string, string[]>();
        if (name.Length == 0)
        {
            errors["ownerName"] = ["Tell us your name."];
        }

        if (email.Length == 0)
        {
            errors["email"] = ["Enter the email address you will sign in with."];
        }
        else if (await users.FindByEmailAsync(email) is not null)
        {
            errors["email"] = ["An account with this email already exists. Sign in instead, or use another email."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var owner = new StaffUser { UserName = email, Email = email, DisplayName = name };
        var created = await users.CreateAsync(owner, request.Password ?? "");
        if (!created.Succeeded)
        {
            throw IdentityErrors.ToValidation(created);
        }

        try
        {
            return await onboarding.CreateAsync(owner.Id, request.Hotel, cancellationToken);
        }
        catch
        {
            // Nothing half-made: an account without a hotel could never sign in usefully.
            await users.DeleteAsync(owner);
            throw;
        }
    }
}

/// <summary>Identity's refusals (weak password, malformed email) as the domain's validation messages.</summary>
internal static class IdentityErrors
{
    public static ValidationException ToValidation(IdentityResult result) =>
        new(result.Errors
            .GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? "email"
        : "account";
}
