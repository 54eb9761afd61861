namespace Stayfull.Domain.Integrations;

/// <summary>Port: encrypts vendor credentials at rest (ASP.NET Data Protection in the web host).</summary>
public interface ICredentialProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}
