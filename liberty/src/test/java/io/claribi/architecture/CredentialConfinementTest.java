package io.claribi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.claribi.connections.violations.DecryptingOutsideTheVault;
import io.claribi.connections.violations.KeepingATokenSet;
import io.claribi.credentials.api.ClientSecret;
import io.claribi.credentials.api.TokenSet;
import io.claribi.credentials.boundary.violations.ResourceReadingTheKeyRing;
import io.claribi.credentials.control.Fernet;
import io.claribi.credentials.control.FernetKey;
import io.claribi.credentials.control.KeyRing;
import io.claribi.credentials.control.KeyRingLoader;
import io.claribi.credentials.control.KeyRingSource;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keys, the cipher and plaintext tokens stay inside the vault. */
@AnalyzeClasses(packages = Contexts.ROOT, importOptions = ImportOption.DoNotIncludeTests.class)
class CredentialConfinementTest {

  /** The vault's own package: the sealing, the key ring and the repositories. */
  static final String VAULT = "io.claribi.credentials.control";

  private static final Set<String> TOKEN_READERS = Set.of("accessToken", "refreshToken");

  private static final com.tngtech.archunit.base.DescribedPredicate<JavaMethodCall>
      READING_A_TOKEN_SET =
          describe(
              "TokenSet.accessToken(), TokenSet.refreshToken() or ClientSecret.secret()",
              call ->
                  call.getTargetOwner().isEquivalentTo(TokenSet.class)
                          && TOKEN_READERS.contains(call.getName())
                      || call.getTargetOwner().isEquivalentTo(ClientSecret.class)
                          && call.getName().equals("secret"));

  @ArchTest
  static final ArchRule only_the_vault_touches_the_cipher_and_the_key_ring =
      noClasses()
          .that()
          .resideOutsideOfPackage(VAULT)
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(
              Fernet.class,
              FernetKey.class,
              KeyRing.class,
              KeyRingLoader.class,
              KeyRingSource.class)
          .orShould()
          .dependOnClassesThat()
          .resideInAPackage("javax.crypto..")
          .because(
              "one package seals and opens credentials, so one package can leak a key or a"
                  + " plaintext; everything else goes through CredentialSeal and the vault");

  @ArchTest
  static final ArchRule nothing_outside_credentials_reads_a_stored_token =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.claribi.credentials..")
          .should()
          .callMethodWhere(READING_A_TOKEN_SET)
          .because(
              "a token set or client secret goes into the vault and plaintext comes out only as"
                  + " the Credential lent to one CredentialVault.use callback or the"
                  + " LentClientSecret lent to one ClientSecretVault.use callback, each withdrawn"
                  + " when its callback returns");

  @Test
  void decrypting_outside_the_vault_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(DecryptingOutsideTheVault.class);

    Violations.assertRuleCatches(
        only_the_vault_touches_the_cipher_and_the_key_ring,
        classes,
        DecryptingOutsideTheVault.class.getName());
  }

  @Test
  void a_boundary_class_reading_the_key_ring_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(ResourceReadingTheKeyRing.class);

    Violations.assertRuleCatches(
        only_the_vault_touches_the_cipher_and_the_key_ring,
        classes,
        ResourceReadingTheKeyRing.class.getName());
  }

  @Test
  void reading_a_kept_token_set_breaks_the_rule() {
    var classes = new ClassFileImporter().importClasses(KeepingATokenSet.class);

    Violations.assertRuleCatches(
        nothing_outside_credentials_reads_a_stored_token,
        classes,
        KeepingATokenSet.class.getName());
  }
}
