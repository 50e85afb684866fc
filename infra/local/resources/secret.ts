// AWS::SecretsManager::Secret → a local secret, fixed in the template or generated at first start.
import { UnsupportedTemplateError } from '../intrinsics.ts';
import { arn, type ResourceTranslator } from './translator.ts';

export const secret: ResourceTranslator = {
  names: ({ id, stackName, explicit }) => {
    const name = explicit('Name') ?? `${stackName}-${id}`;
    const secretArn = arn('secretsmanager', `secret:${name}-local`);
    return { ref: secretArn, atts: { Id: secretArn } };
  },
  translate: ({ id, props, ref, where }, { model }) => {
    const generate = props.GenerateSecretString as
      | { PasswordLength?: number; SecretStringTemplate?: string }
      | undefined;
    if (generate?.SecretStringTemplate) {
      throw new UnsupportedTemplateError(
        where,
        'JSON secrets generated from a template are not supported locally',
      );
    }
    model.secrets.push({
      id,
      arn: ref,
      name: ref.split(':secret:')[1]!.replace(/-local$/, ''),
      ...(typeof props.SecretString === 'string' ? { value: props.SecretString } : {}),
      generateLength: Number(generate?.PasswordLength ?? 32),
    });
  },
};
