using Microsoft.AspNetCore.DataProtection;
using Stayfull.Domain.Integrations;

namespace Stayfull.Web.Integrations;

/// <summary>Vendor credentials encrypted at rest with ASP.NET Data Protection, under their own purpose.</summary>
internal sealed class DataProtectionCredentialProtector(IDataProtectionProvider provider) : ICredentialProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("Stayfull.IntegrationCredentials.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
