import { App, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import type { FieldProblem } from '../api/client';
import { applyApiErrors, toRequestBody } from '../lib/form-values';
import { keepEnterInDateFields } from './DateInput';
import { ErrorSummary } from './ErrorSummary';

export interface ActionSpec {
  key: string;
  title: string;
  fields: ReactNode;
  initialValues?: Record<string, unknown>;
  submit: (body: unknown) => Promise<unknown>;
  /** For what cannot simply be undone (a death, a move-out): asked before saving. */
  confirm?: string;
}

/** A drop-down's items for a list of actions; choosing one opens its dialog. */
export function actionMenu(list: ActionSpec[], open: (action: ActionSpec | undefined) => void) {
  return {
    items: list.map((a) => ({ key: a.key, label: <span data-testid={`action-${a.key}`}>{a.title}</span> })),
    onClick: ({ key }: { key: string }) => open(list.find((a) => a.key === key)),
  };
}

/**
 * A page's action dialog: `open` shows one; once saved the page is told (`reload`) and the worker
 * sees it went on to the departments.
 */
export function useActionDialog(reload: () => void): {
  open: (action: ActionSpec | undefined) => void;
  dialog: ReactNode;
} {
  const { message } = App.useApp();
  const [action, setAction] = useState<ActionSpec>();
  const dialog = (
    <ActionModal
      action={action}
      onClose={() => setAction(undefined)}
      onDone={(done) => {
        setAction(undefined);
        message.success(`${done.title}已保存，正在发送到各部门系统`);
        reload();
      }}
    />
  );
  return { open: setAction, dialog };
}

interface Props {
  action: ActionSpec | undefined;
  onClose: () => void;
  onDone: (action: ActionSpec) => void;
}

/** One small form in a dialog per life event or status; Enter saves, the API's errors show inline. */
export function ActionModal({ action, onClose, onDone }: Props) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [saving, setSaving] = useState(false);

  const { modal } = App.useApp();
  const confirmThenSave = (values: Record<string, unknown>) => {
    if (!action?.confirm) return void save(values);
    modal.confirm({
      title: `确认${action.title}？`,
      content: action.confirm,
      okText: '确认保存',
      cancelText: '再看看',
      onOk: () => save(values),
    });
  };

  const save = async (values: Record<string, unknown>) => {
    if (!action) return;
    setSaving(true);
    setProblems([]);
    try {
      await action.submit(toRequestBody(values) ?? {});
      onDone(action);
    } catch (error) {
      setProblems(applyApiErrors(form, error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!action}
      title={action?.title}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnClose
      afterClose={() => setProblems([])}
      // The first field takes the keyboard once the dialog is open (it opens from a keyboard menu).
      afterOpenChange={(open) => {
        if (!open || !action) return;
        const form = document.querySelector(`[data-testid="action-form-${action.key}"]`);
        form?.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea')?.focus();
      }}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'action-save' }}
    >
      <ErrorSummary problems={problems} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={action?.initialValues}
        onFinish={confirmThenSave}
        onKeyDown={keepEnterInDateFields}
        data-testid={`action-form-${action?.key ?? ''}`}
      >
        {action?.fields}
        {/* A hidden submit button lets Enter in any field save the dialog. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
