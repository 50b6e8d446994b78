import { feeText, form, ID_DOC, vnd, type SampleArea } from './types.js';

const GPLX_FEE = vnd('Lệ phí cấp Giấy phép lái xe', 135_000);
const HEALTH = 'Giấy khám sức khỏe của người lái xe | do cơ sở y tế có thẩm quyền cấp, trừ hạng A1, A';
const PHOTO = 'Ảnh chân dung | chụp tại nơi tiếp nhận hồ sơ';
const FOOD_FEES = [
  vnd('Phí thẩm định cơ sở kinh doanh thực phẩm', 1_000_000),
  vnd('Phí thẩm định cơ sở sản xuất thực phẩm (nhỏ lẻ)', 500_000),
];
const LIQUOR = feeText('Phí thẩm định', 'Tại thành phố, thị xã: 1.200.000 đồng; khu vực khác: 600.000 đồng');
const CERT_ORIGINAL = 'Bản sao Giấy chứng nhận đăng ký doanh nghiệp hoặc hộ kinh doanh';

export const transportTrade: SampleArea[] = [
  {
    areaId: 'gt-gplx',
    departmentId: 'sgtvt',
    level: 'province',
    procedures: [
      {
        n: 'Cấp đổi Giấy phép lái xe do ngành Giao thông vận tải cấp',
        d: 5,
        f: [GPLX_FEE],
        docs: [form('Đơn đề nghị đổi Giấy phép lái xe'), HEALTH, 'Bản sao Giấy phép lái xe', ID_DOC, PHOTO],
        s: ['đổi bằng lái xe', 'bằng lái hết hạn'],
      },
      {
        n: 'Cấp lại Giấy phép lái xe',
        d: 5,
        t: '05 ngày làm việc sau khi có kết quả xác minh và hết thời hạn 02 tháng kể từ ngày nộp hồ sơ (nếu không phải sát hạch lại)',
        f: [GPLX_FEE],
        docs: [form('Đơn đề nghị cấp lại Giấy phép lái xe'), HEALTH, ID_DOC, PHOTO],
        s: ['mất bằng lái xe', 'làm lại bằng lái xe'],
      },
      {
        n: 'Cấp Giấy phép lái xe sau khi sát hạch đạt yêu cầu',
        d: 10,
        f: [GPLX_FEE],
        docs: [
          form('Đơn đề nghị học, sát hạch để cấp Giấy phép lái xe'),
          HEALTH,
          ID_DOC,
          'Chứng chỉ hoặc giấy chứng nhận tốt nghiệp khóa đào tạo (hạng B, C, D, E)',
        ],
        s: ['thi bằng lái xe', 'học bằng lái'],
      },
      {
        n: 'Sát hạch cấp Giấy phép lái xe mô tô hạng A1, A',
        d: 0,
        t: 'Theo lịch sát hạch của Sở; kết quả công bố ngay sau kỳ sát hạch',
        f: [vnd('Phí sát hạch lý thuyết', 60_000), vnd('Phí sát hạch thực hành', 70_000)],
        docs: [form('Đơn đề nghị học, sát hạch để cấp Giấy phép lái xe'), ID_DOC, PHOTO],
        s: ['thi bằng lái xe máy'],
      },
      {
        n: 'Sát hạch cấp Giấy phép lái xe ô tô hạng B, C1',
        d: 0,
        t: 'Theo lịch sát hạch của Sở; kết quả công bố ngay sau kỳ sát hạch',
        f: [
          vnd('Phí sát hạch lý thuyết', 100_000),
          vnd('Phí sát hạch mô phỏng', 100_000),
          vnd('Phí sát hạch thực hành trong hình', 350_000),
          vnd('Phí sát hạch thực hành trên đường', 80_000),
        ],
        docs: [
          form('Đơn đề nghị học, sát hạch để cấp Giấy phép lái xe'),
          HEALTH,
          'Chứng chỉ tốt nghiệp khóa đào tạo lái xe',
          ID_DOC,
        ],
        s: ['thi bằng lái ô tô', 'bằng B2'],
      },
      {
        n: 'Cấp đổi Giấy phép lái xe do ngành Công an cấp',
        d: 5,
        f: [GPLX_FEE],
        docs: [
          form('Đơn đề nghị đổi Giấy phép lái xe'),
          HEALTH,
          'Bản sao Giấy phép lái xe do ngành Công an cấp',
          'Bản sao quyết định ra khỏi ngành hoặc nghỉ hưu',
          ID_DOC,
        ],
      },
      {
        n: 'Cấp đổi Giấy phép lái xe quân sự do Bộ Quốc phòng cấp',
        d: 5,
        f: [GPLX_FEE],
        docs: [
          form('Đơn đề nghị đổi Giấy phép lái xe'),
          HEALTH,
          'Bản sao Giấy phép lái xe quân sự còn thời hạn',
          'Quyết định ra quân hoặc nghỉ hưu',
          ID_DOC,
        ],
      },
      {
        n: 'Cấp đổi Giấy phép lái xe hoặc bằng lái xe của nước ngoài cấp',
        d: 5,
        f: [GPLX_FEE],
        docs: [
          form('Đơn đề nghị đổi Giấy phép lái xe'),
          'Bản dịch Giấy phép lái xe nước ngoài ra tiếng Việt | có chứng thực',
          'Bản sao hộ chiếu và thị thực hoặc thẻ tạm trú',
          PHOTO,
        ],
        s: ['đổi bằng lái nước ngoài'],
      },
      {
        n: 'Cấp Giấy phép lái xe quốc tế',
        d: 5,
        f: [GPLX_FEE],
        docs: [
          form('Tờ khai đề nghị cấp Giấy phép lái xe quốc tế'),
          'Bản sao Giấy phép lái xe quốc gia còn thời hạn',
          'Bản sao hộ chiếu còn thời hạn',
          PHOTO,
        ],
        s: ['bằng lái quốc tế', 'IDP'],
      },
      {
        n: 'Cấp Giấy phép đào tạo lái xe ô tô',
        d: 10,
        f: [],
        docs: [
          form('Văn bản đề nghị cấp giấy phép đào tạo lái xe'),
          'Báo cáo đề nghị cấp giấy phép đào tạo lái xe',
          'Danh sách giáo viên, xe tập lái',
        ],
      },
      {
        n: 'Cấp Giấy phép xe tập lái',
        d: 1,
        f: [vnd('Lệ phí', 50_000)],
        docs: [
          form('Văn bản đề nghị cấp Giấy phép xe tập lái'),
          'Bản sao giấy đăng ký xe và giấy chứng nhận kiểm định',
        ],
      },
      {
        n: 'Cấp Giấy chứng nhận giáo viên dạy thực hành lái xe',
        d: 5,
        f: [],
        docs: [
          form('Văn bản đề nghị của cơ sở đào tạo'),
          'Bản sao văn bằng, chứng chỉ của giáo viên',
          'Bản sao Giấy phép lái xe của giáo viên',
        ],
      },
      {
        n: 'Chấp thuận trung tâm sát hạch lái xe loại 3 đủ điều kiện hoạt động',
        d: 10,
        f: [],
        docs: [
          form('Văn bản đề nghị kiểm tra, cấp Giấy chứng nhận'),
          'Quyết định thành lập trung tâm sát hạch',
          'Hồ sơ thiết kế sân sát hạch',
        ],
      },
    ],
  },
  {
    areaId: 'gt-vantai',
    departmentId: 'sgtvt',
    level: 'province',
    procedures: [
      {
        n: 'Cấp Giấy phép kinh doanh vận tải bằng xe ô tô',
        d: 5,
        f: [vnd('Lệ phí', 200_000)],
        docs: [
          form('Giấy đề nghị cấp Giấy phép kinh doanh vận tải bằng xe ô tô'),
          'Bản sao văn bằng, chứng chỉ của người trực tiếp điều hành vận tải',
          'Bản sao quyết định thành lập bộ phận quản lý, theo dõi an toàn giao thông',
        ],
        s: ['giấy phép vận tải', 'mở nhà xe'],
      },
      {
        n: 'Cấp lại Giấy phép kinh doanh vận tải bằng xe ô tô',
        d: 3,
        f: [vnd('Lệ phí', 200_000)],
        docs: [
          form('Giấy đề nghị cấp lại Giấy phép kinh doanh vận tải'),
          'Giấy phép kinh doanh vận tải đã được cấp (trừ trường hợp bị mất)',
        ],
      },
      {
        n: 'Cấp phù hiệu xe ô tô kinh doanh vận tải',
        d: 2,
        f: [],
        docs: [
          form('Giấy đề nghị cấp phù hiệu'),
          'Bản sao giấy đăng ký xe ô tô',
          'Hợp đồng thuê xe (nếu xe không thuộc sở hữu của đơn vị)',
        ],
        s: ['phù hiệu xe tải', 'phù hiệu taxi'],
      },
      {
        n: 'Cấp lại phù hiệu xe ô tô kinh doanh vận tải',
        d: 2,
        f: [],
        docs: [form('Giấy đề nghị cấp lại phù hiệu'), 'Phù hiệu cũ (trừ trường hợp bị mất)'],
      },
      {
        n: 'Cấp Giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn, xe bánh xích trên đường bộ',
        d: 2,
        f: [],
        docs: [
          form('Đơn đề nghị cấp giấy phép lưu hành xe'),
          'Bản sao giấy đăng ký xe và giấy chứng nhận kiểm định',
          'Phương án vận chuyển (nếu phải gia cố đường)',
        ],
        s: ['xe quá tải', 'xe quá khổ'],
      },
      {
        n: 'Cấp phép thi công công trình trong phạm vi đất dành cho đường bộ đang khai thác',
        d: 7,
        f: [],
        docs: [
          form('Đơn đề nghị cấp phép thi công'),
          'Văn bản chấp thuận xây dựng của cơ quan có thẩm quyền',
          'Hồ sơ thiết kế bản vẽ thi công và biện pháp bảo đảm an toàn giao thông',
        ],
      },
      {
        n: 'Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ',
        d: 7,
        f: [],
        docs: [
          form('Đơn đề nghị chấp thuận xây dựng'),
          'Hồ sơ thiết kế có bình đồ, trắc dọc, trắc ngang vị trí công trình',
        ],
      },
      {
        n: 'Đăng ký phương tiện thủy nội địa lần đầu',
        d: 3,
        f: [vnd('Lệ phí cấp Giấy chứng nhận đăng ký', 70_000)],
        docs: [
          form('Đơn đề nghị đăng ký phương tiện thủy nội địa'),
          '2× Ảnh phương tiện cỡ 10 x 15 cm',
          'Biên lai nộp lệ phí trước bạ',
          'Bản sao Giấy chứng nhận an toàn kỹ thuật và bảo vệ môi trường',
        ],
        s: ['đăng ký ghe, thuyền'],
      },
      {
        n: 'Đăng ký lại phương tiện thủy nội địa',
        d: 3,
        f: [vnd('Lệ phí cấp Giấy chứng nhận đăng ký', 70_000)],
        docs: [
          form('Đơn đề nghị đăng ký lại phương tiện'),
          'Hợp đồng mua bán, tặng cho hoặc giấy tờ chuyển quyền sở hữu',
          'Giấy chứng nhận đăng ký cũ',
        ],
      },
      {
        n: 'Xóa đăng ký phương tiện thủy nội địa',
        d: 3,
        f: [],
        docs: [form('Đơn đề nghị xóa đăng ký phương tiện'), 'Bản chính Giấy chứng nhận đăng ký phương tiện'],
      },
      {
        n: 'Cấp Giấy phép liên vận giữa Việt Nam và Lào',
        d: 2,
        f: [vnd('Lệ phí (mỗi giấy phép)', 50_000)],
        docs: [
          form('Giấy đề nghị cấp Giấy phép liên vận'),
          'Bản sao giấy đăng ký phương tiện',
          'Bản sao Giấy phép kinh doanh vận tải (đối với xe kinh doanh)',
        ],
      },
      {
        n: 'Cấp Giấy phép liên vận giữa Việt Nam và Campuchia',
        d: 2,
        f: [vnd('Lệ phí (mỗi giấy phép)', 50_000)],
        docs: [
          form('Giấy đề nghị cấp Giấy phép liên vận'),
          'Bản sao giấy đăng ký phương tiện',
          'Bản sao Giấy phép kinh doanh vận tải (đối với xe kinh doanh)',
        ],
      },
      {
        n: 'Đăng ký khai thác tuyến vận tải hành khách cố định bằng xe ô tô',
        d: 3,
        f: [],
        docs: [
          form('Giấy đăng ký khai thác tuyến'),
          'Phương án khai thác tuyến',
          'Danh sách xe dự kiến đưa vào khai thác',
        ],
        s: ['mở tuyến xe khách'],
      },
      {
        n: 'Cấp Giấy chứng nhận đăng ký, biển số xe máy chuyên dùng lần đầu',
        d: 3,
        f: [feeText('Lệ phí cấp Giấy chứng nhận và biển số', 'Theo quy định của Bộ Tài chính')],
        docs: [
          form('Tờ khai đăng ký xe máy chuyên dùng'),
          'Chứng từ nguồn gốc xe máy chuyên dùng',
          'Chứng từ nộp lệ phí trước bạ',
        ],
        s: ['đăng ký máy cày, máy xúc'],
      },
    ],
  },
  {
    areaId: 'ct-congthuong',
    departmentId: 'sct',
    level: 'province',
    procedures: [
      {
        n: 'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm thuộc lĩnh vực Công Thương',
        d: 20,
        f: FOOD_FEES,
        docs: [
          form('Đơn đề nghị cấp Giấy chứng nhận'),
          'Bản thuyết minh về cơ sở vật chất, trang thiết bị, dụng cụ',
          'Giấy xác nhận đủ sức khỏe, giấy xác nhận kiến thức an toàn thực phẩm của chủ cơ sở và người trực tiếp sản xuất',
          CERT_ORIGINAL,
        ],
      },
      {
        n: 'Cấp Giấy phép bán lẻ sản phẩm rượu',
        d: 10,
        lv: 'district',
        f: [LIQUOR],
        docs: [
          form('Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm rượu'),
          CERT_ORIGINAL,
          'Bản sao văn bản giới thiệu của doanh nghiệp sản xuất hoặc phân phối rượu',
        ],
        s: ['giấy phép bán rượu'],
      },
      {
        n: 'Cấp Giấy phép bán buôn sản phẩm rượu',
        d: 15,
        f: [feeText('Phí thẩm định', '1.200.000 đồng/lần thẩm định')],
        docs: [
          form('Đơn đề nghị cấp Giấy phép bán buôn sản phẩm rượu'),
          CERT_ORIGINAL,
          'Bản sao hợp đồng thuê kho hoặc giấy tờ chứng minh quyền sử dụng kho',
        ],
      },
      {
        n: 'Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh',
        d: 10,
        lv: 'district',
        f: [LIQUOR],
        docs: [
          form('Đơn đề nghị cấp Giấy phép sản xuất rượu thủ công'),
          CERT_ORIGINAL,
          'Bản sao Giấy chứng nhận đủ điều kiện an toàn thực phẩm',
          'Bản công bố sản phẩm rượu',
        ],
      },
      {
        n: 'Cấp Giấy phép bán lẻ sản phẩm thuốc lá',
        d: 15,
        lv: 'district',
        f: [feeText('Phí thẩm định', 'Tại thành phố, thị xã: 1.100.000 đồng; khu vực khác: 550.000 đồng')],
        docs: [
          form('Đơn đề nghị cấp Giấy phép bán lẻ sản phẩm thuốc lá'),
          CERT_ORIGINAL,
          'Bản sao văn bản giới thiệu của thương nhân bán buôn thuốc lá',
        ],
        s: ['giấy phép bán thuốc lá'],
      },
      {
        n: 'Cấp Giấy phép bán buôn sản phẩm thuốc lá',
        d: 15,
        f: [feeText('Phí thẩm định', '2.500.000 đồng/lần thẩm định')],
        docs: [
          form('Đơn đề nghị cấp Giấy phép bán buôn sản phẩm thuốc lá'),
          CERT_ORIGINAL,
          'Bản sao hợp đồng mua bán với nhà cung cấp thuốc lá',
        ],
      },
      {
        n: 'Cấp Giấy chứng nhận cửa hàng đủ điều kiện bán lẻ xăng dầu',
        d: 15,
        f: [feeText('Phí thẩm định', 'Tại thành phố, thị xã: 1.200.000 đồng; khu vực khác: 600.000 đồng')],
        docs: [
          form('Đơn đề nghị cấp Giấy chứng nhận'),
          'Bản sao giấy tờ chứng minh quyền sử dụng cửa hàng',
          'Bản sao văn bản nghiệm thu về phòng cháy và chữa cháy',
          'Bản sao chứng chỉ đào tạo nghiệp vụ của người trực tiếp bán hàng',
        ],
        s: ['cây xăng'],
      },
      {
        n: 'Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ khí dầu mỏ hóa lỏng chai',
        d: 15,
        f: [feeText('Phí thẩm định', 'Tại thành phố, thị xã: 1.200.000 đồng; khu vực khác: 600.000 đồng')],
        docs: [
          form('Đơn đề nghị cấp Giấy chứng nhận'),
          CERT_ORIGINAL,
          'Bản sao văn bản nghiệm thu về phòng cháy và chữa cháy',
        ],
        s: ['bán gas', 'cửa hàng gas'],
      },
      {
        n: 'Cấp Giấy phép kinh doanh cho tổ chức kinh tế có vốn đầu tư nước ngoài thực hiện hoạt động mua bán hàng hóa',
        d: 10,
        f: [vnd('Phí thẩm định', 2_000_000)],
        docs: [
          form('Đơn đề nghị cấp Giấy phép kinh doanh'),
          'Bản giải trình có nội dung về điều kiện cấp phép',
          'Bản sao Giấy chứng nhận đăng ký đầu tư',
        ],
      },
      {
        n: 'Cấp Giấy phép lập cơ sở bán lẻ của tổ chức kinh tế có vốn đầu tư nước ngoài',
        d: 10,
        f: [vnd('Phí thẩm định', 1_500_000)],
        docs: [
          form('Đơn đề nghị cấp Giấy phép lập cơ sở bán lẻ'),
          'Bản giải trình có nội dung về địa điểm lập cơ sở bán lẻ',
          'Bản sao Giấy phép kinh doanh',
        ],
      },
      {
        n: 'Đăng ký thực hiện khuyến mại theo hình thức mang tính may rủi',
        d: 5,
        f: [],
        docs: [
          form('Hồ sơ đăng ký thực hiện khuyến mại'),
          'Thể lệ chương trình khuyến mại',
          'Mẫu vé số dự thưởng (nếu có)',
        ],
        s: ['bốc thăm trúng thưởng'],
      },
      {
        n: 'Thông báo thực hiện khuyến mại',
        d: 0,
        t: 'Thông báo trước khi thực hiện khuyến mại ít nhất 03 ngày làm việc',
        f: [],
        docs: [form('Thông báo thực hiện khuyến mại')],
      },
      {
        n: 'Đăng ký hợp đồng theo mẫu, điều kiện giao dịch chung',
        d: 15,
        f: [],
        docs: [
          form('Đơn đăng ký hợp đồng theo mẫu, điều kiện giao dịch chung'),
          'Dự thảo hợp đồng theo mẫu hoặc điều kiện giao dịch chung',
        ],
      },
      {
        n: 'Cấp Giấy phép thành lập Văn phòng đại diện của thương nhân nước ngoài tại Việt Nam',
        d: 7,
        f: [vnd('Lệ phí', 3_000_000)],
        docs: [
          form('Đơn đề nghị cấp Giấy phép'),
          'Bản sao giấy đăng ký kinh doanh của thương nhân nước ngoài | hợp pháp hóa lãnh sự',
          'Báo cáo tài chính có kiểm toán năm gần nhất',
        ],
      },
      {
        n: 'Đăng ký tổ chức hội chợ, triển lãm thương mại tại Việt Nam',
        d: 7,
        f: [],
        docs: [
          form('Văn bản đăng ký tổ chức hội chợ, triển lãm thương mại'),
          'Kế hoạch tổ chức hội chợ, triển lãm',
        ],
      },
      {
        n: 'Cấp Giấy phép sử dụng vật liệu nổ công nghiệp',
        d: 10,
        f: [feeText('Phí thẩm định', 'Theo quy định của Bộ Tài chính')],
        docs: [
          form('Văn bản đề nghị cấp giấy phép'),
          'Thiết kế khai thác mỏ, phương án nổ mìn',
          'Quyết định bổ nhiệm chỉ huy nổ mìn',
        ],
      },
      {
        n: 'Cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp',
        d: 5,
        f: [],
        docs: [
          form('Văn bản đề nghị kiểm tra, cấp Giấy chứng nhận'),
          'Danh sách người được huấn luyện',
          'Tài liệu huấn luyện',
        ],
      },
      {
        n: 'Cấp Giấy phép hoạt động điện lực trong lĩnh vực phát điện, phân phối điện quy mô nhỏ',
        d: 15,
        f: [feeText('Phí thẩm định', 'Theo quy định của Bộ Tài chính, tùy công suất')],
        docs: [
          form('Văn bản đề nghị cấp giấy phép'),
          'Danh sách trích ngang người quản lý kỹ thuật, vận hành',
          'Bản sao tài liệu về dự án, công trình điện',
        ],
        s: ['điện mặt trời'],
      },
    ],
  },
];
